CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"text" text NOT NULL,
	"until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	CONSTRAINT "announcements_text_ck" CHECK (char_length("announcements"."text") BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "queue_settings" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"target_wait_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queue_settings_target_ck" CHECK ("queue_settings"."target_wait_minutes" BETWEEN 1 AND 480)
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"site_id" uuid NOT NULL,
	"month" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"automatic" boolean NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "monthly_reports_site_id_month_pk" PRIMARY KEY("site_id","month")
);
--> statement-breakpoint
CREATE TABLE "report_notes" (
	"site_id" uuid NOT NULL,
	"month" text NOT NULL,
	"notes" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "report_notes_site_id_month_pk" PRIMARY KEY("site_id","month")
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"indicators" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_settings" ADD CONSTRAINT "queue_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_notes" ADD CONSTRAINT "report_notes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "announcements_site_open_uq" ON "announcements" USING btree ("site_id") WHERE "announcements"."cleared_at" IS NULL;