CREATE TABLE "complaint_attachments" (
	"complaint_id" uuid NOT NULL,
	"file_id" uuid PRIMARY KEY NOT NULL,
	"author" text NOT NULL,
	"visibility" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaint_attachments_visibility_ck" CHECK ("complaint_attachments"."visibility" IN ('public', 'staff', 'desk'))
);
--> statement-breakpoint
CREATE TABLE "complaint_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author" text NOT NULL,
	"author_user_id" uuid,
	"visibility" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "complaint_messages_visibility_ck" CHECK ("complaint_messages"."visibility" IN ('public', 'staff', 'desk')),
	CONSTRAINT "complaint_messages_author_ck" CHECK ("complaint_messages"."author" IN ('desk', 'agency', 'reporter', 'system'))
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"classification" text NOT NULL,
	"category" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"requested_agency_id" uuid,
	"agency_id" uuid,
	"service_id" uuid,
	"service_on" date,
	"linked_kind" text,
	"linked_code" text,
	"linked_number" text,
	"anonymous" boolean NOT NULL,
	"confidential" boolean NOT NULL,
	"reporter_name_enc" text,
	"reporter_phone_enc" text,
	"reporter_email_enc" text,
	"channel" text NOT NULL,
	"filed_by" uuid,
	"status" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_on" date NOT NULL,
	"verify_by" date NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_on" date,
	"respond_by" date,
	"responded_at" timestamp with time zone,
	"responded_on" date,
	"responded_on_time" boolean,
	"first_reply_at" timestamp with time zone,
	"auto_close_after" date,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"forwarded_to" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"reopened_at" timestamp with time zone,
	"verify_escalated_at" timestamp with time zone,
	"respond_escalated_at" timestamp with time zone,
	"lapor_ticket" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaints_tracking_code_uq" UNIQUE("tracking_code"),
	CONSTRAINT "complaints_status_ck" CHECK ("complaints"."status" IN ('submitted', 'verified', 'not_authority', 'responded', 'closed')),
	CONSTRAINT "complaints_classification_ck" CHECK ("complaints"."classification" IN ('pengaduan', 'aspirasi', 'permintaan_informasi')),
	CONSTRAINT "complaints_channel_ck" CHECK ("complaints"."channel" IN ('web', 'status_page', 'receipt', 'desk')),
	CONSTRAINT "complaints_reopen_ck" CHECK ("complaints"."reopen_count" BETWEEN 0 AND 1),
	CONSTRAINT "complaints_anonymous_ck" CHECK (NOT "complaints"."anonymous" OR ("complaints"."reporter_name_enc" IS NULL AND "complaints"."reporter_phone_enc" IS NULL AND "complaints"."reporter_email_enc" IS NULL AND "complaints"."linked_code" IS NULL AND "complaints"."linked_number" IS NULL)),
	CONSTRAINT "complaints_verified_ck" CHECK ("complaints"."status" IN ('submitted', 'not_authority', 'closed') OR "complaints"."agency_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "complaint_attachments" ADD CONSTRAINT "complaint_attachments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_attachments" ADD CONSTRAINT "complaint_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_messages" ADD CONSTRAINT "complaint_messages_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_requested_agency_id_agencies_id_fk" FOREIGN KEY ("requested_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_attachments_complaint_idx" ON "complaint_attachments" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaint_messages_complaint_idx" ON "complaint_messages" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaints_site_status_idx" ON "complaints" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "complaints_site_filed_idx" ON "complaints" USING btree ("site_id","filed_on");--> statement-breakpoint
CREATE INDEX "complaints_agency_idx" ON "complaints" USING btree ("agency_id","status");