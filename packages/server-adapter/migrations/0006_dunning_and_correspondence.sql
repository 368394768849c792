CREATE TABLE "document_contents" (
	"key" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"created_on" date NOT NULL,
	"channel" text NOT NULL,
	"run_id" uuid,
	"template_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"content_key" text,
	"size" integer,
	"printed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_template_snapshots" (
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"template" jsonb NOT NULL,
	CONSTRAINT "letter_template_snapshots_organisation_id_key_pk" PRIMARY KEY("organisation_id","key")
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"valid" boolean NOT NULL,
	"is_default" boolean NOT NULL,
	"subject" text NOT NULL,
	"blocks" jsonb NOT NULL,
	"email_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_deliveries_document_id_unique" UNIQUE("document_id")
);
--> statement-breakpoint
CREATE TABLE "text_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"assignments" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_exports" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"exported_at" timestamp with time zone NOT NULL,
	"set_court_procedure" boolean NOT NULL,
	"marker" text
);
--> statement-breakpoint
CREATE TABLE "collection_items" (
	"run_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"membership_number" bigint NOT NULL,
	"name" text NOT NULL,
	"address" jsonb NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"open" bigint NOT NULL,
	CONSTRAINT "collection_items_run_id_posting_id_pk" PRIMARY KEY("run_id","posting_id")
);
--> statement-breakpoint
CREATE TABLE "dunning_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"detail" jsonb NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dunning_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"sequence" bigserial NOT NULL,
	"number" bigint NOT NULL,
	"from_level" integer,
	"previous_letter_on" date,
	"to_level" integer NOT NULL,
	"letter_on" date NOT NULL,
	"fee" bigint NOT NULL,
	"fee_posting_id" uuid,
	"item_ids" uuid[] NOT NULL,
	"channel" text NOT NULL,
	"document_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text
);
--> statement-breakpoint
CREATE TABLE "dunning_levels" (
	"organisation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"valid" boolean NOT NULL,
	"first" boolean NOT NULL,
	"last" boolean NOT NULL,
	"days" integer NOT NULL,
	"minimum" bigint NOT NULL,
	"fee" bigint NOT NULL,
	"fee_account_id" text,
	"next_level" integer,
	"text" text NOT NULL,
	"posting_text" text NOT NULL,
	"template_id" text,
	CONSTRAINT "dunning_levels_organisation_id_number_pk" PRIMARY KEY("organisation_id","number")
);
--> statement-breakpoint
CREATE TABLE "dunning_states" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"level" integer,
	"last_letter_on" date,
	"blocked" boolean DEFAULT false NOT NULL,
	"blocked_until" date,
	"court_procedure" boolean DEFAULT false NOT NULL,
	"no_court_order" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "leaving_reason" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "markers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "preferred_channel" text DEFAULT 'letter' NOT NULL;--> statement-breakpoint
-- The unique keys the composite foreign keys below refer to must exist first (moved up by hand).
CREATE UNIQUE INDEX "documents_organisation_id_uq" ON "documents" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_organisation_id_uq" ON "memberships" USING btree ("organisation_id","id");--> statement-breakpoint
ALTER TABLE "document_contents" ADD CONSTRAINT "document_contents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_template_snapshots" ADD CONSTRAINT "letter_template_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_document_fk" FOREIGN KEY ("organisation_id","document_id") REFERENCES "public"."documents"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_blocks" ADD CONSTRAINT "text_blocks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_exports" ADD CONSTRAINT "collection_exports_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_exports" ADD CONSTRAINT "collection_exports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_letters" ADD CONSTRAINT "dunning_letters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_letters" ADD CONSTRAINT "dunning_letters_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_letters" ADD CONSTRAINT "dunning_letters_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_levels" ADD CONSTRAINT "dunning_levels_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_states" ADD CONSTRAINT "dunning_states_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_states" ADD CONSTRAINT "dunning_states_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_membership_idx" ON "documents" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "documents_run_idx" ON "documents" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_default_uq" ON "letter_templates" USING btree ("organisation_id","kind") WHERE "letter_templates"."is_default";--> statement-breakpoint
CREATE INDEX "mail_deliveries_due_idx" ON "mail_deliveries" USING btree ("organisation_id","status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "text_blocks_name_uq" ON "text_blocks" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "dunning_events_membership_idx" ON "dunning_events" USING btree ("membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_letters_number_uq" ON "dunning_letters" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "dunning_letters_membership_idx" ON "dunning_letters" USING btree ("membership_id","sequence");--> statement-breakpoint
CREATE INDEX "dunning_letters_run_idx" ON "dunning_letters" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "dunning_states_org_idx" ON "dunning_states" USING btree ("organisation_id","level");
