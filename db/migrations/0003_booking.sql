CREATE TABLE "booking_day_overrides" (
	"service_id" uuid NOT NULL,
	"date" date NOT NULL,
	"capacity_per_slot" integer,
	"closed" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "booking_day_overrides_service_id_date_pk" PRIMARY KEY("service_id","date")
);
--> statement-breakpoint
CREATE TABLE "booking_slots" (
	"service_id" uuid NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "booking_slots_service_id_start_pk" PRIMARY KEY("service_id","start"),
	CONSTRAINT "booking_slots_capacity_ck" CHECK ("booking_slots"."booked" >= 0 AND "booking_slots"."booked" <= "booking_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"code" text NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_end" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"nik_hash" text,
	"nik_enc" text,
	"name_enc" text,
	"phone_enc" text,
	"email_enc" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"ticket_id" uuid,
	"no_show_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	CONSTRAINT "bookings_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "booking_day_overrides" ADD CONSTRAINT "booking_day_overrides_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_slots" ADD CONSTRAINT "booking_slots_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_nik_service_day_uq" ON "bookings" USING btree ("nik_hash","service_id","local_date") WHERE "bookings"."status" IN ('booked', 'checked_in');--> statement-breakpoint
CREATE INDEX "bookings_service_day_idx" ON "bookings" USING btree ("service_id","local_date");--> statement-breakpoint
CREATE INDEX "bookings_nik_idx" ON "bookings" USING btree ("nik_hash","local_date");