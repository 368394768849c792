ALTER TABLE "runs" ADD COLUMN "created_by" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "reversed_by" text;