CREATE TABLE "member_database_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"field" text NOT NULL,
	"remote_field" text NOT NULL,
	"base_value" jsonb,
	"local_value" jsonb,
	"remote_value" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decision" text
);
--> statement-breakpoint
CREATE TABLE "member_database_links" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"base_url" text NOT NULL,
	"region" text NOT NULL,
	"credentials" text NOT NULL,
	"pull_interval_minutes" integer DEFAULT 10 NOT NULL,
	"conflict_policy" text DEFAULT 'newest-wins' NOT NULL,
	"pull_cursor" text,
	"last_pull_at" timestamp with time zone,
	"pull_claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_database_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"remote_id" text,
	"mode" text DEFAULT 'synced' NOT NULL,
	"base" jsonb,
	"failure_reason" text,
	"transferred_at" timestamp with time zone,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "member_database_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone,
	"last_error" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "member_database_conflicts" ADD CONSTRAINT "member_database_conflicts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_database_links" ADD CONSTRAINT "member_database_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_database_members" ADD CONSTRAINT "member_database_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_database_outbox" ADD CONSTRAINT "member_database_outbox_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_database_conflicts_open_idx" ON "member_database_conflicts" USING btree ("organisation_id","membership_id") WHERE decided_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "member_database_members_membership_uq" ON "member_database_members" USING btree ("organisation_id","membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_database_members_remote_uq" ON "member_database_members" USING btree ("organisation_id","remote_id");--> statement-breakpoint
CREATE INDEX "member_database_outbox_due_idx" ON "member_database_outbox" USING btree ("organisation_id","membership_id") WHERE done_at is null;--> statement-breakpoint
-- The outbox is written by triggers, inside the transaction of every change to a linked member's data, whichever
-- route made it. Local-only members and organisations without a link queue nothing.
CREATE FUNCTION vk_member_database_enqueue(p_organisation uuid, p_membership uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO member_database_outbox (organisation_id, membership_id)
  SELECT p_organisation, p_membership
   WHERE EXISTS (SELECT 1 FROM member_database_links l WHERE l.organisation_id = p_organisation)
     AND NOT EXISTS (SELECT 1 FROM member_database_members r
                      WHERE r.organisation_id = p_organisation AND r.membership_id = p_membership AND r.mode = 'local-only');
$$;
--> statement-breakpoint
CREATE FUNCTION vk_member_database_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vk_member_database_enqueue(m.organisation_id, m.id) FROM memberships m WHERE m.person_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION vk_member_database_membership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vk_member_database_enqueue(NEW.organisation_id, NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION vk_member_database_mandate_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.membership_id IS NOT NULL THEN
    PERFORM vk_member_database_enqueue(NEW.organisation_id, NEW.membership_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_database_persons AFTER UPDATE ON persons FOR EACH ROW
  WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION vk_member_database_person_changed();
--> statement-breakpoint
CREATE TRIGGER member_database_memberships AFTER INSERT OR UPDATE ON memberships FOR EACH ROW
  EXECUTE FUNCTION vk_member_database_membership_changed();
--> statement-breakpoint
CREATE TRIGGER member_database_mandates AFTER INSERT OR UPDATE ON mandates FOR EACH ROW
  EXECUTE FUNCTION vk_member_database_mandate_changed();
