CREATE TABLE "application_sequences" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "application_sequences_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "application_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"number_format" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"ticket_id" uuid,
	"channel" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"registration_number" text NOT NULL,
	"tracking_code" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"nik_hash" text,
	"nik_enc" text,
	"name_enc" text,
	"phone_enc" text,
	"email_enc" text,
	"citizen_id" uuid,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"working_days" integer,
	"received_on" date,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_on" date,
	"due_on" date,
	"on_time" boolean,
	"warned_due_on" date,
	"pickup_ticket_id" uuid,
	"collected_by" text,
	"collector_enc" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applications_tracking_code_uq" UNIQUE("tracking_code"),
	CONSTRAINT "applications_agency_year_seq_uq" UNIQUE("agency_id","year","seq"),
	CONSTRAINT "applications_agency_number_uq" UNIQUE("agency_id","registration_number"),
	CONSTRAINT "applications_status_ck" CHECK ("applications"."status" IN ('submitted', 'received', 'in_process', 'incomplete', 'ready', 'collected', 'rejected', 'withdrawn')),
	CONSTRAINT "applications_channel_ck" CHECK ("applications"."channel" IN ('counter', 'online')),
	CONSTRAINT "applications_collected_by_ck" CHECK ("applications"."collected_by" IS NULL OR "applications"."collected_by" IN ('applicant', 'proxy')),
	CONSTRAINT "applications_working_days_ck" CHECK ("applications"."working_days" IS NULL OR "applications"."working_days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "application_sequences" ADD CONSTRAINT "application_sequences_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_settings" ADD CONSTRAINT "application_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_settings" ADD CONSTRAINT "application_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_pickup_ticket_id_tickets_id_fk" FOREIGN KEY ("pickup_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_site_status_idx" ON "applications" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "applications_agency_status_idx" ON "applications" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "applications_site_received_idx" ON "applications" USING btree ("site_id","received_on");--> statement-breakpoint
CREATE INDEX "applications_site_closed_idx" ON "applications" USING btree ("site_id","closed_on");--> statement-breakpoint
CREATE INDEX "applications_nik_idx" ON "applications" USING btree ("nik_hash");--> statement-breakpoint
CREATE INDEX "applications_citizen_idx" ON "applications" USING btree ("citizen_id");