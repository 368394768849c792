CREATE TABLE "appointment_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"from_time" text NOT NULL,
	"to_time" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"type_id" uuid,
	"location_id" uuid,
	"slot_minutes" integer NOT NULL,
	"plannable" boolean NOT NULL,
	"online_bookable" boolean NOT NULL,
	"template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"block_id" uuid,
	"location_id" uuid,
	"type_id" uuid,
	"topic_id" uuid,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"title" text NOT NULL,
	"note" text NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"booked_via" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancel_token_hash" text,
	"confirmation_queued" boolean DEFAULT false NOT NULL,
	"reminder_queued_at" timestamp with time zone,
	"missed_letter_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean NOT NULL,
	"is_default" boolean NOT NULL,
	"anchor_monday" date NOT NULL,
	"pattern" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"default_duration_minutes" integer,
	"default_location_id" uuid,
	"active" boolean NOT NULL,
	"topic_ids" jsonb NOT NULL,
	"email" text,
	"staff_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"time_zone" text NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"block_colour" text NOT NULL,
	"appointment_colour" text NOT NULL,
	"online_visible" boolean NOT NULL,
	"confirmation" jsonb,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_consultants" (
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"consultant_id" uuid,
	"location_id" uuid,
	CONSTRAINT "membership_consultants_organisation_id_membership_id_pk" PRIMARY KEY("organisation_id","membership_id")
);
--> statement-breakpoint
ALTER TABLE "mail_deliveries" ALTER COLUMN "document_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD COLUMN "message" jsonb;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "consultants_name_uq" ON "consultants" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "consultants_organisation_id_uq" ON "consultants" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_locations_name_uq" ON "consultation_locations" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_locations_organisation_id_uq" ON "consultation_locations" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_topics_name_uq" ON "consultation_topics" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_topics_organisation_id_uq" ON "consultation_topics" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_types_name_uq" ON "consultation_types" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_types_organisation_id_uq" ON "consultation_types" USING btree ("organisation_id","id");--> statement-breakpoint
ALTER TABLE "appointment_blocks" ADD CONSTRAINT "appointment_blocks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_blocks" ADD CONSTRAINT "appointment_blocks_consultant_fk" FOREIGN KEY ("organisation_id","consultant_id") REFERENCES "public"."consultants"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_consultant_fk" FOREIGN KEY ("organisation_id","consultant_id") REFERENCES "public"."consultants"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_templates" ADD CONSTRAINT "calendar_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_templates" ADD CONSTRAINT "calendar_templates_consultant_fk" FOREIGN KEY ("organisation_id","consultant_id") REFERENCES "public"."consultants"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultants" ADD CONSTRAINT "consultants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_locations" ADD CONSTRAINT "consultation_locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topics" ADD CONSTRAINT "consultation_topics_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_types" ADD CONSTRAINT "consultation_types_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_consultants" ADD CONSTRAINT "membership_consultants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_consultants" ADD CONSTRAINT "membership_consultants_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_blocks_time_idx" ON "appointment_blocks" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_blocks_consultant_idx" ON "appointment_blocks" USING btree ("consultant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_consultant_start_uq" ON "appointments" USING btree ("consultant_id","starts_at") WHERE "appointments"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "appointments_time_idx" ON "appointments" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_person_idx" ON "appointments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_templates_default_uq" ON "calendar_templates" USING btree ("organisation_id","consultant_id") WHERE "calendar_templates"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "mail_deliveries_dedupe_uq" ON "mail_deliveries" USING btree ("organisation_id","dedupe_key");--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_content_ck" CHECK (("mail_deliveries"."document_id" is null) <> ("mail_deliveries"."message" is null));