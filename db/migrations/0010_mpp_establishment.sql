CREATE TABLE "mpp_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"kind" text NOT NULL,
	"agency_name" text,
	"title" text DEFAULT '' NOT NULL,
	"document_date" date,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "mpp_documents_agency_ck" CHECK ("mpp_documents"."kind" <> 'pks' OR length(trim("mpp_documents"."agency_name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "mpp_establishments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"kind" text DEFAULT 'mpp' NOT NULL,
	"stage" text DEFAULT 'none' NOT NULL,
	"stage_since" date,
	"site_id" uuid,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan_note" text DEFAULT '' NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mpp_establishments_stage_ck" CHECK ("mpp_establishments"."stage" IN ('none', 'usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan')),
	CONSTRAINT "mpp_establishments_kind_ck" CHECK ("mpp_establishments"."kind" IN ('mpp', 'service_point')),
	CONSTRAINT "mpp_establishments_code_ck" CHECK ("mpp_establishments"."regency_code" ~ '^[0-9]{4}$' AND "mpp_establishments"."province_code" = left("mpp_establishments"."regency_code", 2)),
	CONSTRAINT "mpp_establishments_since_ck" CHECK (("mpp_establishments"."stage" = 'none') = ("mpp_establishments"."stage_since" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "mpp_stage_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"direction" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"reason" text,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "mpp_stage_changes_stage_ck" CHECK ("mpp_stage_changes"."from_stage" IN ('none', 'usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan') AND "mpp_stage_changes"."to_stage" IN ('none', 'usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan')),
	CONSTRAINT "mpp_stage_changes_direction_ck" CHECK ("mpp_stage_changes"."direction" IN ('advance', 'back')),
	CONSTRAINT "mpp_stage_changes_reason_ck" CHECK ("mpp_stage_changes"."direction" = 'advance' OR length(trim("mpp_stage_changes"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "mpp_documents" ADD CONSTRAINT "mpp_documents_establishment_id_mpp_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."mpp_establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mpp_documents" ADD CONSTRAINT "mpp_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mpp_establishments" ADD CONSTRAINT "mpp_establishments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mpp_stage_changes" ADD CONSTRAINT "mpp_stage_changes_establishment_id_mpp_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."mpp_establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mpp_documents_establishment_idx" ON "mpp_documents" USING btree ("establishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mpp_establishments_regency_mpp_uq" ON "mpp_establishments" USING btree ("regency_code") WHERE "mpp_establishments"."kind" = 'mpp';--> statement-breakpoint
CREATE UNIQUE INDEX "mpp_establishments_site_uq" ON "mpp_establishments" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "mpp_establishments_province_idx" ON "mpp_establishments" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "mpp_stage_changes_establishment_idx" ON "mpp_stage_changes" USING btree ("establishment_id","at");