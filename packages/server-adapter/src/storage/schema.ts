import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const id = () => uuid('id').primaryKey().defaultRandom()
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const organisationRef = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id)

/** A club, association or division: the owner of (almost) every row. */
export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  creditorId: text('creditor_id'),
  websiteOrigins: text('website_origins')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  privacyNoticeUrl: text('privacy_notice_url'),
  membershipNumberFrom: bigint('membership_number_from', { mode: 'number' }).notNull().default(1),
  membershipNumberTo: bigint('membership_number_to', { mode: 'number' }).notNull().default(999_999),
  mandateReferencePrefix: text('mandate_reference_prefix').notNull().default(''),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  /** Club settings (ClubSettings in core), validated on write; missing keys take the defaults. */
  settings: jsonb('settings').notNull().default({}),
  /** Invoice numbers are gapless per organisation: the last one issued. */
  lastInvoiceNumber: bigint('last_invoice_number', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
})

/** Staff API keys, one organisation each; only the SHA-256 of the key is stored. */
export const apiKeys = pgTable('api_keys', {
  id: id(),
  organisationId: organisationRef(),
  keyHash: text('key_hash').notNull().unique(),
  label: text('label').notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})

/** Fee-class groups (BK-Gruppen) offered at capture and, if flagged, online. */
export const feeClassGroups = pgTable(
  'fee_class_groups',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    description: text('description'),
    offeredOnline: boolean('offered_online').notNull().default(false),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fee_class_groups_name_uq').on(t.organisationId, t.name),
    uniqueIndex('fee_class_groups_default_uq')
      .on(t.organisationId)
      .where(sql`${t.isDefault}`),
  ],
)

/**
 * The installation's shared address book. Persons carry no organisation: an organisation sees a person only
 * through a connection it owns (membership, application, later bookings and payer roles).
 */
export const persons = pgTable('persons', {
  id: id(),
  salutation: text('salutation').notNull(),
  title: text('title'),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
  street: text('street').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  email: text('email'),
  phone: text('phone'),
  createdAt: createdAt(),
})

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
    addressInvalid: boolean('address_invalid').notNull().default(false),
    billingAddress: jsonb('billing_address'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('memberships_number_uq').on(t.organisationId, t.number), index('memberships_person_idx').on(t.personId)],
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
    accountHolder: text('account_holder').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    creditorId: text('creditor_id').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mandates_reference_uq').on(t.organisationId, sql`upper(${t.reference})`)],
)

/** Online membership applications (Online-Mitgliedsanträge) and their review state. */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    organisationId: organisationRef(),
    status: text('status').notNull().default('pending'),
    submission: jsonb('submission').notNull(),
    feeClassGroupId: uuid('fee_class_group_id')
      .notNull()
      .references(() => feeClassGroups.id),
    /** When the application arrived, from the injected clock. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The day it arrived in the organisation's time zone: the mandate's signature date (a domain date). */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    personId: uuid('person_id').references(() => persons.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
  },
  (t) => [
    index('applications_org_submitted_idx').on(t.organisationId, t.submittedAt),
    check('applications_status_ck', sql`${t.status} in ('pending', 'accepted', 'rejected')`),
  ],
)

/** Finance accounts: receivable (Forderungskonto) or cash/bank (Bestandskonto). */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    organisationId: organisationRef(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    receivableKind: text('receivable_kind'),
    priority: integer('priority').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_number_uq').on(t.organisationId, t.number),
    uniqueIndex('accounts_name_uq').on(t.organisationId, sql`lower(${t.name})`),
    check('accounts_type_ck', sql`${t.type} in ('receivable', 'cash')`),
  ],
)

/** Payment plans (Zahlungspläne); the year rules are validated by core's PaymentPlan schema. */
export const paymentPlans = pgTable(
  'payment_plans',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    rules: jsonb('rules').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('payment_plans_name_uq').on(t.organisationId, sql`lower(${t.name})`)],
)

/** Fee classes (Beitragsklassen). */
export const feeClasses = pgTable(
  'fee_classes',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    paymentPlanId: uuid('payment_plan_id')
      .notNull()
      .references(() => paymentPlans.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    successorId: uuid('successor_id'),
    showInMembership: boolean('show_in_membership').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('fee_classes_name_uq').on(t.organisationId, sql`lower(${t.name})`)],
)

/** The fee classes of a fee-class group, with the amounts new memberships get. */
export const feeClassGroupItems = pgTable(
  'fee_class_group_items',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => feeClassGroups.id, { onDelete: 'cascade' }),
    feeClassId: uuid('fee_class_id')
      .notNull()
      .references(() => feeClasses.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.feeClassId] })],
)

/** Fee classes assigned to memberships for a period. */
export const feeAssignments = pgTable(
  'fee_assignments',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    feeClassId: uuid('fee_class_id')
      .notNull()
      .references(() => feeClasses.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    paymentPlanId: uuid('payment_plan_id').references(() => paymentPlans.id),
    amount: bigint('amount', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('fee_assignments_membership_idx').on(t.membershipId)],
)

/** Every run (charge, invoice, write-off), keyed by its plan's idempotency key. */
export const runs = pgTable(
  'runs',
  {
    id: id(),
    organisationId: organisationRef(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** The request the run was applied with; a key reused with other parameters is refused. */
    parameters: jsonb('parameters').notNull().default({}),
    summary: jsonb('summary').notNull(),
    createdAt: createdAt(),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('runs_idempotency_uq').on(t.organisationId, t.kind, t.idempotencyKey),
    index('runs_org_kind_idx').on(t.organisationId, t.kind),
  ],
)

/** Postings (Buchungen) on member accounts: debits negative, credits positive, in cents. */
export const postings = pgTable(
  'postings',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    date: date('date', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    documentNumber: text('document_number'),
    kind: text('kind').notNull(),
    sequence: bigserial('sequence', { mode: 'number' }).notNull(),
    runId: uuid('run_id').references(() => runs.id),
    /** Set on charges: `assignment:year:cumulative`; unique, so no instalment can be charged twice. */
    chargeKey: text('charge_key'),
    chargeAssignmentId: uuid('charge_assignment_id').references(() => feeAssignments.id),
    chargeYear: integer('charge_year'),
    reversalOf: uuid('reversal_of'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('postings_charge_key_uq')
      .on(t.organisationId, t.chargeKey)
      .where(sql`${t.chargeKey} is not null`),
    uniqueIndex('postings_reversal_uq')
      .on(t.reversalOf)
      .where(sql`${t.reversalOf} is not null`),
    index('postings_membership_idx').on(t.membershipId, t.date),
    index('postings_run_idx').on(t.runId),
    index('postings_charge_idx').on(t.chargeAssignmentId, t.chargeYear),
    check('postings_amount_ck', sql`${t.amount} <> 0`),
  ],
)

/** Allocations (Verteilung): which part of a credit settles which debit. */
export const allocations = pgTable(
  'allocations',
  {
    id: id(),
    organisationId: organisationRef(),
    creditId: uuid('credit_id')
      .notNull()
      .references(() => postings.id, { onDelete: 'cascade' }),
    debitId: uuid('debit_id')
      .notNull()
      .references(() => postings.id, { onDelete: 'cascade' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    allocatedOn: date('allocated_on', { mode: 'string' }).notNull(),
    /** How it came about: by the D3 rule, by staff's hand, by a reversal, a write-off or a debit paid in cash. */
    origin: text('origin').notNull().default('automatic'),
  },
  (t) => [
    index('allocations_credit_idx').on(t.creditId),
    index('allocations_debit_idx').on(t.debitId),
    check('allocations_amount_ck', sql`${t.amount} > 0`),
    check('allocations_origin_ck', sql`${t.origin} in ('automatic', 'manual', 'reversal', 'write-off', 'cash')`),
  ],
)

/**
 * Which run used a posting (invoice now; direct-debit and dunning runs later). A used debit cannot be deleted and
 * its charge run cannot be undone (D5).
 */
export const postingUses = pgTable(
  'posting_uses',
  {
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id),
    kind: text('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postingId, t.runId] }),
    check('posting_uses_kind_ck', sql`${t.kind} in ('invoice', 'direct-debit', 'dunning')`),
  ],
)

/** Invoices (Rechnungen), numbered without gaps per organisation. */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    organisationId: organisationRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id),
    number: bigint('number', { mode: 'number' }).notNull(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    /** What the letter needs: recipient name and address, and the items. */
    letter: jsonb('letter').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invoices_number_uq').on(t.organisationId, t.number), index('invoices_run_idx').on(t.runId)],
)
