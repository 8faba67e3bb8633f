CREATE TABLE "counter_states" (
	"counter_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_at" timestamp with time zone,
	"priority_calls_in_a_row" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"site_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"local_date" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ticket_sequences_site_id_prefix_local_date_pk" PRIMARY KEY("site_id","prefix","local_date")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"local_date" date NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"priority" text,
	"source" text NOT NULL,
	"booking_id" uuid,
	"booking_start" timestamp with time zone,
	"previous_ticket_id" uuid,
	"idempotency_key" text,
	"issued_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"counter_id" uuid,
	"officer_id" uuid,
	"recall_count" integer DEFAULT 0 NOT NULL,
	"parked_at" timestamp with time zone,
	"pinned_counter_id" uuid,
	"outcome" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tickets_number_uq" UNIQUE("site_id","prefix","local_date","seq"),
	CONSTRAINT "tickets_status_ck" CHECK ("tickets"."status" IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred', 'cancelled')),
	CONSTRAINT "tickets_priority_ck" CHECK ("tickets"."priority" IS NULL OR "tickets"."priority" IN ('lansia', 'disabilitas', 'ibu_hamil')),
	CONSTRAINT "tickets_recall_ck" CHECK ("tickets"."recall_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"local_date" date NOT NULL,
	"pending_service_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dropped_service_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visits_tracking_code_uq" UNIQUE("tracking_code")
);
--> statement-breakpoint
ALTER TABLE "counter_states" ADD CONSTRAINT "counter_states_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_states" ADD CONSTRAINT "counter_states_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sequences" ADD CONSTRAINT "ticket_sequences_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_pinned_counter_id_counters_id_fk" FOREIGN KEY ("pinned_counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_counter_active_uq" ON "tickets" USING btree ("counter_id") WHERE "tickets"."status" IN ('called', 'serving');--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_idempotency_uq" ON "tickets" USING btree ("site_id","idempotency_key") WHERE "tickets"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_site_day_status_idx" ON "tickets" USING btree ("site_id","local_date","status");--> statement-breakpoint
CREATE INDEX "tickets_service_day_status_idx" ON "tickets" USING btree ("service_id","local_date","status");--> statement-breakpoint
CREATE INDEX "tickets_counter_day_idx" ON "tickets" USING btree ("counter_id","local_date");--> statement-breakpoint
CREATE INDEX "tickets_visit_idx" ON "tickets" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_site_day_idx" ON "visits" USING btree ("site_id","local_date");