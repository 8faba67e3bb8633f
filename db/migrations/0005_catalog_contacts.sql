ALTER TABLE "agencies" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "whatsapp" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "description" text DEFAULT '' NOT NULL;