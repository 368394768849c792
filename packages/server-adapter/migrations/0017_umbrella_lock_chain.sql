-- A change flowing up under bidirectional sync stops at a parent row that is itself a locked copy one level higher:
-- a grandchild cannot change, through its bidirectional link, what the grandparent locks for its child.
CREATE OR REPLACE FUNCTION vk_umbrella_membership_flow() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF EXISTS (SELECT 1 FROM memberships p WHERE p.id = NEW.synced_from_membership_id
                AND p.synced_from_membership_id IS NOT NULL AND NOT vk_umbrella_bidirectional(p.organisation_id)
                AND (p.number, p.joined_on, p.ends_on, p.payment_method) IS DISTINCT FROM (NEW.number, NEW.joined_on, NEW.ends_on, NEW.payment_method)) THEN
      RAISE EXCEPTION 'MEMBER_FIELD_LOCKED:membership' USING ERRCODE = 'VK001';
    END IF;
    UPDATE memberships p
       SET number = NEW.number, joined_on = NEW.joined_on, ends_on = NEW.ends_on, payment_method = NEW.payment_method
     WHERE p.id = NEW.synced_from_membership_id
       AND (p.number, p.joined_on, p.ends_on, p.payment_method) IS DISTINCT FROM (NEW.number, NEW.joined_on, NEW.ends_on, NEW.payment_method);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vk_umbrella_mandate_flow() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF EXISTS (SELECT 1 FROM mandates p WHERE p.id = NEW.synced_from_mandate_id
                AND p.synced_from_mandate_id IS NOT NULL AND NOT vk_umbrella_bidirectional(p.organisation_id)
                AND (p.reference, p.account_holder, p.iban, p.bic, p.signed_on, p.valid_from, p.limited_until, p.terminated_on)
                    IS DISTINCT FROM (NEW.reference, NEW.account_holder, NEW.iban, NEW.bic, NEW.signed_on, NEW.valid_from, NEW.limited_until, NEW.terminated_on)) THEN
      RAISE EXCEPTION 'MEMBER_FIELD_LOCKED:mandate' USING ERRCODE = 'VK001';
    END IF;
    UPDATE mandates p
       SET reference = NEW.reference, account_holder = NEW.account_holder, iban = NEW.iban, bic = NEW.bic, signed_on = NEW.signed_on,
           valid_from = NEW.valid_from, limited_until = NEW.limited_until, terminated_on = NEW.terminated_on
     WHERE p.id = NEW.synced_from_mandate_id
       AND (p.reference, p.account_holder, p.iban, p.bic, p.signed_on, p.valid_from, p.limited_until, p.terminated_on)
           IS DISTINCT FROM (NEW.reference, NEW.account_holder, NEW.iban, NEW.bic, NEW.signed_on, NEW.valid_from, NEW.limited_until, NEW.terminated_on);
  END IF;
  RETURN NULL;
END $$;
