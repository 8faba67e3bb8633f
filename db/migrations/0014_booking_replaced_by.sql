ALTER TABLE "bookings" ADD COLUMN "replaced_by_id" uuid;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_replaced_by_id_bookings_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_replaced_by_idx" ON "bookings" USING btree ("replaced_by_id");