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
	"target_wait_minutes" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_notes" ADD CONSTRAINT "report_notes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;