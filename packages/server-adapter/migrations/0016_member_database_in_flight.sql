ALTER TABLE "member_database_members" ADD COLUMN "in_flight" jsonb;--> statement-breakpoint
ALTER TABLE "member_database_members" ADD COLUMN "push_sequence" integer DEFAULT 0 NOT NULL;