CREATE TABLE "administrators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"login_email" text NOT NULL,
	"name" text NOT NULL,
	"permissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "synced_from_mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "synced_from_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "administrator_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "switched_from_key_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "structure_kind" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sync_options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "pays_own_invoice" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "administrators" ADD CONSTRAINT "administrators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "administrators_login_uq" ON "administrators" USING btree ("organisation_id",lower("login_email"));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_synced_from_membership_id_memberships_id_fk" FOREIGN KEY ("synced_from_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_synced_from_uq" ON "memberships" USING btree ("organisation_id","synced_from_membership_id");--> statement-breakpoint
-- Umbrella sync in the database, so that no route can get around it: the locked fields of a synced copy refuse a
-- change (SQLSTATE VK001, answered as MEMBER_FIELD_LOCKED); a parent's change flows down to every copy; under
-- bidirectional sync a copy's change flows up to the parent (and from there to the other copies). Changes made by
-- these triggers themselves (trigger depth > 1) pass the lock.
CREATE FUNCTION vk_umbrella_bidirectional(p_organisation uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((sync_options->>'bidirectional')::boolean, false) FROM organisations WHERE id = p_organisation
$$;
--> statement-breakpoint
CREATE FUNCTION vk_umbrella_membership_lock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[] := '{}';
BEGIN
  IF NEW.synced_from_membership_id IS NULL OR OLD.synced_from_membership_id IS NULL OR pg_trigger_depth() > 1
     OR vk_umbrella_bidirectional(NEW.organisation_id) THEN
    RETURN NEW;
  END IF;
  IF NEW.number IS DISTINCT FROM OLD.number THEN changed := changed || 'number'::text; END IF;
  IF NEW.joined_on IS DISTINCT FROM OLD.joined_on THEN changed := changed || 'joinedOn'::text; END IF;
  IF NEW.ends_on IS DISTINCT FROM OLD.ends_on THEN changed := changed || 'endsOn'::text; END IF;
  IF NEW.payment_method IS DISTINCT FROM OLD.payment_method THEN changed := changed || 'paymentMethod'::text; END IF;
  IF cardinality(changed) > 0 THEN
    RAISE EXCEPTION 'MEMBER_FIELD_LOCKED:%', array_to_string(changed, ',') USING ERRCODE = 'VK001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER umbrella_membership_lock BEFORE UPDATE ON memberships FOR EACH ROW EXECUTE FUNCTION vk_umbrella_membership_lock();
--> statement-breakpoint
CREATE FUNCTION vk_umbrella_membership_flow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.number, NEW.joined_on, NEW.ends_on, NEW.payment_method)
     IS NOT DISTINCT FROM (OLD.number, OLD.joined_on, OLD.ends_on, OLD.payment_method) THEN
    RETURN NULL;
  END IF;
  UPDATE memberships c
     SET number = NEW.number, joined_on = NEW.joined_on, ends_on = NEW.ends_on, payment_method = NEW.payment_method
   WHERE c.synced_from_membership_id = NEW.id
     AND (c.number, c.joined_on, c.ends_on, c.payment_method) IS DISTINCT FROM (NEW.number, NEW.joined_on, NEW.ends_on, NEW.payment_method);
  IF NEW.synced_from_membership_id IS NOT NULL AND vk_umbrella_bidirectional(NEW.organisation_id) THEN
    UPDATE memberships p
       SET number = NEW.number, joined_on = NEW.joined_on, ends_on = NEW.ends_on, payment_method = NEW.payment_method
     WHERE p.id = NEW.synced_from_membership_id
       AND (p.number, p.joined_on, p.ends_on, p.payment_method) IS DISTINCT FROM (NEW.number, NEW.joined_on, NEW.ends_on, NEW.payment_method);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER umbrella_membership_flow AFTER UPDATE ON memberships FOR EACH ROW EXECUTE FUNCTION vk_umbrella_membership_flow();
--> statement-breakpoint
CREATE FUNCTION vk_umbrella_mandate_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 OR NEW.membership_id IS NULL OR vk_umbrella_bidirectional(NEW.organisation_id) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM memberships m WHERE m.id = NEW.membership_id AND m.synced_from_membership_id IS NOT NULL) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.synced_from_mandate_id IS NULL THEN
    RAISE EXCEPTION 'MEMBER_FIELD_LOCKED:mandate' USING ERRCODE = 'VK001';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.synced_from_mandate_id IS NOT NULL AND NEW.synced_from_mandate_id IS NOT NULL
     AND (NEW.reference, NEW.account_holder, NEW.iban, NEW.bic, NEW.signed_on, NEW.valid_from, NEW.limited_until, NEW.terminated_on)
         IS DISTINCT FROM (OLD.reference, OLD.account_holder, OLD.iban, OLD.bic, OLD.signed_on, OLD.valid_from, OLD.limited_until, OLD.terminated_on) THEN
    RAISE EXCEPTION 'MEMBER_FIELD_LOCKED:mandate' USING ERRCODE = 'VK001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER umbrella_mandate_lock BEFORE INSERT OR UPDATE ON mandates FOR EACH ROW EXECUTE FUNCTION vk_umbrella_mandate_lock();
--> statement-breakpoint
CREATE FUNCTION vk_umbrella_mandate_flow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO mandates (organisation_id, person_id, membership_id, reference, kind, account_holder, iban, bic, creditor_id,
                          signed_on, valid_from, limited_until, terminated_on, pre_notification_channel, synced_from_mandate_id)
    SELECT c.organisation_id, NEW.person_id, c.id, NEW.reference, NEW.kind, NEW.account_holder, NEW.iban, NEW.bic, NEW.creditor_id,
           NEW.signed_on, NEW.valid_from, NEW.limited_until, NEW.terminated_on, NEW.pre_notification_channel, NEW.id
      FROM memberships c WHERE NEW.membership_id IS NOT NULL AND c.synced_from_membership_id = NEW.membership_id;
    RETURN NULL;
  END IF;
  UPDATE mandates c
     SET reference = NEW.reference, account_holder = NEW.account_holder, iban = NEW.iban, bic = NEW.bic, signed_on = NEW.signed_on,
         valid_from = NEW.valid_from, limited_until = NEW.limited_until, terminated_on = NEW.terminated_on
   WHERE c.synced_from_mandate_id = NEW.id
     AND (c.reference, c.account_holder, c.iban, c.bic, c.signed_on, c.valid_from, c.limited_until, c.terminated_on)
         IS DISTINCT FROM (NEW.reference, NEW.account_holder, NEW.iban, NEW.bic, NEW.signed_on, NEW.valid_from, NEW.limited_until, NEW.terminated_on);
  IF NEW.synced_from_mandate_id IS NOT NULL AND vk_umbrella_bidirectional(NEW.organisation_id) THEN
    UPDATE mandates p
       SET reference = NEW.reference, account_holder = NEW.account_holder, iban = NEW.iban, bic = NEW.bic, signed_on = NEW.signed_on,
           valid_from = NEW.valid_from, limited_until = NEW.limited_until, terminated_on = NEW.terminated_on
     WHERE p.id = NEW.synced_from_mandate_id
       AND (p.reference, p.account_holder, p.iban, p.bic, p.signed_on, p.valid_from, p.limited_until, p.terminated_on)
           IS DISTINCT FROM (NEW.reference, NEW.account_holder, NEW.iban, NEW.bic, NEW.signed_on, NEW.valid_from, NEW.limited_until, NEW.terminated_on);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER umbrella_mandate_flow AFTER INSERT OR UPDATE ON mandates FOR EACH ROW EXECUTE FUNCTION vk_umbrella_mandate_flow();
