CREATE TABLE "bank_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"booking_date" date,
	"end_to_end_id" text,
	"mandate_reference" text,
	"remittance" text NOT NULL,
	"counterparty_name" text,
	"counterparty_iban" text,
	"return_reason" text,
	"charges" bigint,
	"dedupe_key" text NOT NULL,
	"membership_id" uuid,
	"direct_debit_id" uuid,
	"posting_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_entries_status_ck" CHECK ("bank_entries"."status" in ('booked', 'open', 'reported', 'duplicate', 'dismissed'))
);--> statement-breakpoint
CREATE TABLE "bank_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"message" text NOT NULL,
	"version" text NOT NULL,
	"message_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_files_status_ck" CHECK ("bank_files"."status" in ('processing', 'active', 'failed', 'closed'))
);--> statement-breakpoint
CREATE TABLE "return_reasons" (
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"meaning" text NOT NULL,
	"switch_to" text,
	"letter_text" text NOT NULL,
	CONSTRAINT "return_reasons_organisation_id_code_pk" PRIMARY KEY("organisation_id","code")
);--> statement-breakpoint
CREATE TABLE "direct_debit_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"sequence_type" text NOT NULL,
	"message_id" text NOT NULL,
	"xml" text NOT NULL,
	"count" bigint NOT NULL,
	"total" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text
);--> statement-breakpoint
CREATE TABLE "direct_debit_items" (
	"debit_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"credit_posting_id" uuid,
	CONSTRAINT "direct_debit_items_debit_id_posting_id_pk" PRIMARY KEY("debit_id","posting_id")
);--> statement-breakpoint
CREATE TABLE "direct_debits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"payer_person_id" uuid NOT NULL,
	"collection_date" date NOT NULL,
	"sequence_type" text NOT NULL,
	"amount" bigint NOT NULL,
	"end_to_end_id" text NOT NULL,
	"reference" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"account_holder" text NOT NULL,
	"signed_on" date NOT NULL,
	"amendment" jsonb,
	"address" jsonb,
	"email" text,
	"pre_notification_channel" text NOT NULL,
	"remittance" text NOT NULL,
	"membership_numbers" bigint[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"export_id" uuid,
	"return_reason" text,
	"lapse_warning" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_debits_status_ck" CHECK ("direct_debits"."status" in ('pending', 'exported', 'returned')),
	CONSTRAINT "direct_debits_sequence_ck" CHECK ("direct_debits"."sequence_type" in ('FRST', 'RCUR', 'FNAL', 'OOFF'))
);--> statement-breakpoint
CREATE TABLE "mandate_documents" (
	"mandate_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "pre_notifications" (
	"debit_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "allocations" DROP CONSTRAINT "allocations_origin_ck";--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "kind" text DEFAULT 'recurring' NOT NULL;--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "valid_from" date;--> statement-breakpoint
-- Mandates from before this migration are valid from their signature.
UPDATE "mandates" SET "valid_from" = "signed_on";--> statement-breakpoint
ALTER TABLE "mandates" ALTER COLUMN "valid_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "limited_until" date;--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "terminated_on" date;--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "pre_notification_channel" text DEFAULT 'letter' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "alternate_payer_person_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_files_organisation_id_uq" ON "bank_files" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debits_organisation_id_uq" ON "direct_debits" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_organisation_id_uq" ON "mandates" USING btree ("organisation_id","id");--> statement-breakpoint
ALTER TABLE "bank_entries" ADD CONSTRAINT "bank_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_entries" ADD CONSTRAINT "bank_entries_file_id_bank_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."bank_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_entries" ADD CONSTRAINT "bank_entries_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_reasons" ADD CONSTRAINT "return_reasons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_exports" ADD CONSTRAINT "direct_debit_exports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_exports" ADD CONSTRAINT "direct_debit_exports_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_items" ADD CONSTRAINT "direct_debit_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_items" ADD CONSTRAINT "direct_debit_items_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_items" ADD CONSTRAINT "direct_debit_items_debit_fk" FOREIGN KEY ("organisation_id","debit_id") REFERENCES "public"."direct_debits"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debit_items" ADD CONSTRAINT "direct_debit_items_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_payer_person_id_persons_id_fk" FOREIGN KEY ("payer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_export_id_direct_debit_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."direct_debit_exports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_debits" ADD CONSTRAINT "direct_debits_mandate_fk" FOREIGN KEY ("organisation_id","mandate_id") REFERENCES "public"."mandates"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_documents" ADD CONSTRAINT "mandate_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_documents" ADD CONSTRAINT "mandate_documents_mandate_fk" FOREIGN KEY ("organisation_id","mandate_id") REFERENCES "public"."mandates"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_notifications" ADD CONSTRAINT "pre_notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_notifications" ADD CONSTRAINT "pre_notifications_debit_fk" FOREIGN KEY ("organisation_id","debit_id") REFERENCES "public"."direct_debits"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_entries_file_idx" ON "bank_entries" USING btree ("organisation_id","file_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_entries_dedupe_uq" ON "bank_entries" USING btree ("organisation_id","dedupe_key") WHERE "bank_entries"."status" <> 'duplicate';--> statement-breakpoint
CREATE UNIQUE INDEX "bank_files_hash_uq" ON "bank_files" USING btree ("organisation_id","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_files_message_uq" ON "bank_files" USING btree ("organisation_id","message","message_id");--> statement-breakpoint
CREATE INDEX "direct_debit_exports_run_idx" ON "direct_debit_exports" USING btree ("organisation_id","run_id");--> statement-breakpoint
CREATE INDEX "direct_debit_items_posting_idx" ON "direct_debit_items" USING btree ("posting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "direct_debits_end_to_end_uq" ON "direct_debits" USING btree ("organisation_id","end_to_end_id");--> statement-breakpoint
CREATE INDEX "direct_debits_run_idx" ON "direct_debits" USING btree ("organisation_id","run_id");--> statement-breakpoint
CREATE INDEX "direct_debits_mandate_idx" ON "direct_debits" USING btree ("organisation_id","mandate_id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_alternate_payer_person_id_persons_id_fk" FOREIGN KEY ("alternate_payer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandates_person_idx" ON "mandates" USING btree ("organisation_id","person_id");--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_origin_ck" CHECK ("allocations"."origin" in ('automatic', 'manual', 'reversal', 'write-off', 'cash', 'direct-debit'));--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_kind_ck" CHECK ("mandates"."kind" in ('recurring', 'one-off'));--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_channel_ck" CHECK ("mandates"."pre_notification_channel" in ('letter', 'email'));
