CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_enc" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "agreement_file_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "fee_variable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "stored_files_site_idx" ON "stored_files" USING btree ("site_id","purpose");--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_agreement_file_id_stored_files_id_fk" FOREIGN KEY ("agreement_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" DROP COLUMN "agreement_document_path";