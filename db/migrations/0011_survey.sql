CREATE TABLE "survey_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"agency_id" uuid,
	"period_key" text NOT NULL,
	"element" text NOT NULL,
	"action" text NOT NULL,
	"responsible" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "survey_actions_element_ck" CHECK ("survey_actions"."element" IN ('persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'kompetensi', 'perilaku', 'pengaduan', 'sarana')),
	CONSTRAINT "survey_actions_status_ck" CHECK ("survey_actions"."status" IN ('planned', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"ticket_id" uuid,
	"counter_id" uuid,
	"served_date" date NOT NULL,
	"channel" text NOT NULL,
	"device_id" uuid,
	"persyaratan" smallint NOT NULL,
	"prosedur" smallint NOT NULL,
	"waktu" smallint NOT NULL,
	"biaya" smallint NOT NULL,
	"produk" smallint NOT NULL,
	"kompetensi" smallint NOT NULL,
	"perilaku" smallint NOT NULL,
	"pengaduan" smallint NOT NULL,
	"sarana" smallint NOT NULL,
	"age_band" text,
	"sex" text,
	"education" text,
	"occupation" text,
	"comment" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_subject_service_uq" UNIQUE("subject_type","subject_id","service_id"),
	CONSTRAINT "survey_responses_scores_ck" CHECK (persyaratan BETWEEN 1 AND 4 AND prosedur BETWEEN 1 AND 4 AND waktu BETWEEN 1 AND 4 AND biaya BETWEEN 1 AND 4 AND produk BETWEEN 1 AND 4 AND kompetensi BETWEEN 1 AND 4 AND perilaku BETWEEN 1 AND 4 AND pengaduan BETWEEN 1 AND 4 AND sarana BETWEEN 1 AND 4),
	CONSTRAINT "survey_responses_subject_ck" CHECK ("survey_responses"."subject_type" IN ('visit', 'application')),
	CONSTRAINT "survey_responses_channel_ck" CHECK ("survey_responses"."channel" IN ('web', 'qr', 'tablet')),
	CONSTRAINT "survey_responses_age_ck" CHECK ("survey_responses"."age_band" IS NULL OR "survey_responses"."age_band" IN ('<20', '20-29', '30-39', '40-49', '50-59', '60+')),
	CONSTRAINT "survey_responses_sex_ck" CHECK ("survey_responses"."sex" IS NULL OR "survey_responses"."sex" IN ('L', 'P')),
	CONSTRAINT "survey_responses_education_ck" CHECK ("survey_responses"."education" IS NULL OR "survey_responses"."education" IN ('sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3')),
	CONSTRAINT "survey_responses_occupation_ck" CHECK ("survey_responses"."occupation" IS NULL OR "survey_responses"."occupation" IN ('pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya')),
	CONSTRAINT "survey_responses_comment_ck" CHECK ("survey_responses"."comment" IS NULL OR length("survey_responses"."comment") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"window_days" integer NOT NULL,
	"min_group_size" integer NOT NULL,
	"offer_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_settings_window_ck" CHECK ("survey_settings"."window_days" BETWEEN 1 AND 90),
	CONSTRAINT "survey_settings_group_ck" CHECK ("survey_settings"."min_group_size" BETWEEN 1 AND 100),
	CONSTRAINT "survey_settings_offer_ck" CHECK ("survey_settings"."offer_minutes" BETWEEN 1 AND 240)
);
--> statement-breakpoint
CREATE TABLE "survey_signatories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"agency_id" uuid,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"nip" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_signatories_scope_uq" UNIQUE NULLS NOT DISTINCT("site_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "survey_tablets" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"counter_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_actions" ADD CONSTRAINT "survey_actions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_actions" ADD CONSTRAINT "survey_actions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_signatories" ADD CONSTRAINT "survey_signatories_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_signatories" ADD CONSTRAINT "survey_signatories_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tablets" ADD CONSTRAINT "survey_tablets_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tablets" ADD CONSTRAINT "survey_tablets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tablets" ADD CONSTRAINT "survey_tablets_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_actions_site_period_idx" ON "survey_actions" USING btree ("site_id","period_key");--> statement-breakpoint
CREATE INDEX "survey_responses_site_day_idx" ON "survey_responses" USING btree ("site_id","served_date");--> statement-breakpoint
CREATE INDEX "survey_responses_agency_day_idx" ON "survey_responses" USING btree ("agency_id","served_date");--> statement-breakpoint
CREATE INDEX "survey_responses_service_day_idx" ON "survey_responses" USING btree ("service_id","served_date");--> statement-breakpoint
-- A survey cannot be edited after submission: refuse UPDATE at the database, not only in code.
-- (DELETE stays possible for a retention or erasure job run by the operator.)
CREATE OR REPLACE FUNCTION loket_survey_responses_frozen() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'survey_responses cannot be edited after submission';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER survey_responses_frozen BEFORE UPDATE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION loket_survey_responses_frozen();
