CREATE TABLE "stored_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content_enc" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "citizen_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"agency_id" uuid,
	"role" text,
	"consent_id" uuid,
	"document_id" uuid,
	"action" text NOT NULL,
	"purpose" text
);
--> statement-breakpoint
CREATE TABLE "citizen_consent_documents" (
	"consent_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "citizen_consent_documents_consent_id_document_id_pk" PRIMARY KEY("consent_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "citizen_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_enc" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	CONSTRAINT "citizen_consents_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "citizen_document_holds" (
	"document_id" uuid NOT NULL,
	"holder_type" text NOT NULL,
	"holder_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_document_holds_document_id_holder_type_holder_id_pk" PRIMARY KEY("document_id","holder_type","holder_id")
);
--> statement-breakpoint
CREATE TABLE "citizen_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"document_type_id" uuid NOT NULL,
	"file_id" uuid,
	"status" text NOT NULL,
	"reviewed_agency_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "citizen_documents_status_ck" CHECK ("citizen_documents"."status" IN ('uploaded', 'verified', 'issued', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "citizen_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"site_id" uuid,
	"service_id" uuid,
	"code" text,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_login_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_hash" text NOT NULL,
	"source_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "citizen_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_kind" text NOT NULL,
	"contact_hash" text NOT NULL,
	"contact_enc" text NOT NULL,
	"name_enc" text,
	"nik_hash" text,
	"nik_enc" text,
	"nik_verified_at" timestamp with time zone,
	"nik_verified_by" uuid,
	"nik_verified_agency_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	CONSTRAINT "citizens_contact_kind_ck" CHECK ("citizens"."contact_kind" IN ('email', 'phone'))
);
--> statement-breakpoint
ALTER TABLE "stored_files" ALTER COLUMN "content_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "stored_files" ADD COLUMN "chunk_count" integer;--> statement-breakpoint
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_access_log" ADD CONSTRAINT "citizen_access_log_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_access_log" ADD CONSTRAINT "citizen_access_log_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consent_documents" ADD CONSTRAINT "citizen_consent_documents_consent_id_citizen_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."citizen_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consent_documents" ADD CONSTRAINT "citizen_consent_documents_document_id_citizen_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."citizen_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consents" ADD CONSTRAINT "citizen_consents_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consents" ADD CONSTRAINT "citizen_consents_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_consents" ADD CONSTRAINT "citizen_consents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_document_holds" ADD CONSTRAINT "citizen_document_holds_document_id_citizen_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."citizen_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_document_type_id_document_types_id_fk" FOREIGN KEY ("document_type_id") REFERENCES "public"."document_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_reviewed_agency_id_agencies_id_fk" FOREIGN KEY ("reviewed_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_history" ADD CONSTRAINT "citizen_history_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD CONSTRAINT "citizen_sessions_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_nik_verified_agency_id_agencies_id_fk" FOREIGN KEY ("nik_verified_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_access_log_citizen_idx" ON "citizen_access_log" USING btree ("citizen_id","id");--> statement-breakpoint
CREATE INDEX "citizen_consents_citizen_idx" ON "citizen_consents" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "citizen_documents_citizen_idx" ON "citizen_documents" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_history_ref_uq" ON "citizen_history" USING btree ("citizen_id","kind","ref_id");--> statement-breakpoint
CREATE INDEX "citizen_history_citizen_idx" ON "citizen_history" USING btree ("citizen_id","at");--> statement-breakpoint
CREATE INDEX "citizen_login_codes_contact_idx" ON "citizen_login_codes" USING btree ("contact_hash","created_at");--> statement-breakpoint
CREATE INDEX "citizen_login_codes_source_idx" ON "citizen_login_codes" USING btree ("source_hash","created_at");--> statement-breakpoint
CREATE INDEX "citizen_sessions_citizen_idx" ON "citizen_sessions" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_contact_uq" ON "citizens" USING btree ("contact_hash") WHERE "citizens"."deleted_at" IS NULL;--> statement-breakpoint
-- The citizen's access log is append-only, like the audit log: refuse UPDATE and DELETE at the database.
CREATE OR REPLACE FUNCTION loket_citizen_access_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'citizen_access_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER citizen_access_log_append_only BEFORE UPDATE OR DELETE ON citizen_access_log
  FOR EACH ROW EXECUTE FUNCTION loket_citizen_access_log_append_only();
