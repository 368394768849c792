CREATE TABLE "membership_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "membership_periods_organisation_id_uq" ON "membership_periods" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE TABLE "period_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"registered_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_persons_role_ck" CHECK ("membership_persons"."role" in ('partner', 'beneficiary'))
);
--> statement-breakpoint
CREATE TABLE "person_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"actor" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "person_contacts" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_contacts_organisation_id_person_id_pk" PRIMARY KEY("organisation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "result_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "date_of_birth" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "joining_reason" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "membership_type" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "termination_received_on" date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "recruited_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "previous_association" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "taken_over_from_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "archived_on" date;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "company" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "postal_address_invalid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "billing_address" jsonb;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "billing_address_invalid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "phone_private" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "phone_work" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "phone_mobile" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "data_protection_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "admission_blocked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "membership_periods" ADD CONSTRAINT "membership_periods_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_registrations" ADD CONSTRAINT "period_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_registrations" ADD CONSTRAINT "period_registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_registrations" ADD CONSTRAINT "period_registrations_period_fk" FOREIGN KEY ("organisation_id","period_id") REFERENCES "public"."membership_periods"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_persons" ADD CONSTRAINT "membership_persons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_persons" ADD CONSTRAINT "membership_persons_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_persons" ADD CONSTRAINT "membership_persons_membership_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_audit" ADD CONSTRAINT "person_audit_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_contacts" ADD CONSTRAINT "person_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_contacts" ADD CONSTRAINT "person_contacts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_list_entries" ADD CONSTRAINT "result_list_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_list_entries" ADD CONSTRAINT "result_list_entries_list_id_result_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."result_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_list_entries" ADD CONSTRAINT "result_list_entries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_list_entries" ADD CONSTRAINT "result_list_entries_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_lists" ADD CONSTRAINT "result_lists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_periods_name_uq" ON "membership_periods" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "period_registrations_uq" ON "period_registrations" USING btree ("period_id","person_id");--> statement-breakpoint
CREATE INDEX "period_registrations_person_idx" ON "period_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "membership_persons_membership_idx" ON "membership_persons" USING btree ("organisation_id","membership_id");--> statement-breakpoint
CREATE INDEX "membership_persons_person_idx" ON "membership_persons" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_audit_person_idx" ON "person_audit" USING btree ("person_id","changed_at");--> statement-breakpoint
CREATE INDEX "person_contacts_person_idx" ON "person_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_list_entries_uq" ON "result_list_entries" USING btree ("list_id","person_id",coalesce("membership_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "result_lists_organisation_id_uq" ON "result_lists" USING btree ("organisation_id","id");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_recruited_by_person_id_persons_id_fk" FOREIGN KEY ("recruited_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_taken_over_from_membership_id_memberships_id_fk" FOREIGN KEY ("taken_over_from_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_alternate_payer_idx" ON "memberships" USING btree ("alternate_payer_person_id");--> statement-breakpoint
CREATE INDEX "memberships_recruited_by_idx" ON "memberships" USING btree ("recruited_by_person_id");