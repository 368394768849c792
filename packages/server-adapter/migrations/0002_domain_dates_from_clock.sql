ALTER TABLE "applications" ALTER COLUMN "submitted_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "submitted_on" date;--> statement-breakpoint
UPDATE "applications" a SET "submitted_on" = (a."submitted_at" AT TIME ZONE o."time_zone")::date FROM "organisations" o WHERE o."id" = a."organisation_id";--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "submitted_on" SET NOT NULL;
