// Memberships and SEPA mandates.
import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, foreignKey, index, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { id, createdAt, organisationRef, persons } from '../../storage/shared-schema'
import { feeClassGroups } from '../finance-setup/finance-schema'
import { runs } from '../../runs/run-schema'

/** A person's membership in one organisation, with its membership number. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organisationId: organisationRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    number: bigint('number', { mode: 'number' }).notNull(),
    feeClassGroupId: uuid('fee_class_group_id').references(() => feeClassGroups.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    paymentMethod: text('payment_method').notNull().default('invoice'),
    /** Verarbeitungssperre: left out of charge, invoice and dunning runs. */
    processingBlocked: boolean('processing_blocked').notNull().default(false),
    /** Sperre Online-Termine: no online appointment booking. */
    onlineAppointmentsBlocked: boolean('online_appointments_blocked').notNull().default(false),
    /** Aufnahmegrund. */
    joiningReason: text('joining_reason'),
    /** Mitgliedschaftsart (e.g. trial, supporting). */
    membershipType: text('membership_type'),
    /** Gekündigt am: when the termination was received. */
    terminationReceivedOn: date('termination_received_on', { mode: 'string' }),
    /** Kündigungsgrund: why the membership ends (set by the exclusion run, among others). */
    leavingReason: text('leaving_reason'),
    /** Geworben von. */
    recruitedByPersonId: uuid('recruited_by_person_id').references(() => persons.id),
    /** Vorverein: the association a transferred member came from (Ummeldung). */
    previousAssociation: text('previous_association'),
    /** P übernimmt H: the ended membership this one continues. */
    takenOverFromMembershipId: uuid('taken_over_from_membership_id').references((): AnyPgColumn => memberships.id),
    /** Archiviert am: set by archive runs; archived memberships are read-only. */
    archivedOn: date('archived_on', { mode: 'string' }),
    /** In a child organisation: the parent's membership this one is a synced copy of (umbrella sync). */
    syncedFromMembershipId: uuid('synced_from_membership_id').references((): AnyPgColumn => memberships.id),
    /** Abweichender Beitragszahler: another person whose mandate pays for this membership; null means the member. */
    alternatePayerPersonId: uuid('alternate_payer_person_id').references(() => persons.id),
    /** Kennzeichen der Mitgliedschaft: markers such as the exclusion or collection marker. */
    markers: text('markers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_number_uq').on(t.organisationId, t.number),
    index('memberships_person_idx').on(t.personId),
    index('memberships_alternate_payer_idx').on(t.alternatePayerPersonId),
    index('memberships_recruited_by_idx').on(t.recruitedByPersonId),
    // Lets rows of other tables refer to a membership of their own organisation only (composite foreign keys).
    uniqueIndex('memberships_organisation_id_uq').on(t.organisationId, t.id),
    uniqueIndex('memberships_synced_from_uq').on(t.organisationId, t.syncedFromMembershipId),
  ],
)

/**
 * Persons attached to a membership (Zugeordnete Personen, handbook §11.6): partner members (P) and beneficiaries
 * (L). They have no number, account or mandate of their own (docs/decisions/0000#d8).
 */
export const membershipPersons = pgTable(
  'membership_persons',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('membership_persons_membership_idx').on(t.organisationId, t.membershipId),
    index('membership_persons_person_idx').on(t.personId),
    check('membership_persons_role_ck', sql`${t.role} in ('partner', 'beneficiary')`),
    foreignKey({
      name: 'membership_persons_membership_fk',
      columns: [t.organisationId, t.membershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }),
  ],
)

/** SEPA direct-debit mandates (Lastschriftmandate); references are unique per organisation, case-insensitively. */
export const mandates = pgTable(
  'mandates',
  {
    id: id(),
    organisationId: organisationRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
    reference: text('reference').notNull(),
    /** Mandatstyp: `recurring` (wiederkehrend) or `one-off` (einmalig). */
    kind: text('kind').notNull().default('recurring'),
    accountHolder: text('account_holder').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    creditorId: text('creditor_id').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** Gültig von; mandates from before this column are valid from their signature. */
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Befristet bis: the last day it may be used. */
    limitedUntil: date('limited_until', { mode: 'string' }),
    /** Gekündigt am. */
    terminatedOn: date('terminated_on', { mode: 'string' }),
    /** Kommunikation: how pre-notifications reach the account holder. */
    preNotificationChannel: text('pre_notification_channel').notNull().default('letter'),
    /** In a child organisation: the parent's mandate this one mirrors (umbrella sync of the mandate data). */
    syncedFromMandateId: uuid('synced_from_mandate_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mandates_reference_uq').on(t.organisationId, sql`upper(${t.reference})`),
    index('mandates_person_idx').on(t.organisationId, t.personId),
    uniqueIndex('mandates_organisation_id_uq').on(t.organisationId, t.id),
    check('mandates_kind_ck', sql`${t.kind} in ('recurring', 'one-off')`),
    check('mandates_channel_ck', sql`${t.preNotificationChannel} in ('letter', 'email')`),
  ],
)

/**
 * A foreign key from a row's (organisation, membership) to a membership of that same organisation: the database
 * itself refuses a row of one organisation that refers to another's membership.
 */
export function ownMembership(name: string, t: { organisationId: AnyPgColumn; membershipId: AnyPgColumn }) {
  return foreignKey({ name, columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] })
}
