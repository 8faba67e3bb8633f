ALTER TABLE "document_types" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_types_site_idx" ON "document_types" USING btree ("site_id");