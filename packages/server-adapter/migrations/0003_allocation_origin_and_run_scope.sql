DROP INDEX "runs_idempotency_uq";--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "origin" text DEFAULT 'automatic' NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "parameters" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "runs_idempotency_uq" ON "runs" USING btree ("organisation_id","kind","idempotency_key");--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_origin_ck" CHECK ("allocations"."origin" in ('automatic', 'manual', 'reversal', 'write-off', 'cash'));