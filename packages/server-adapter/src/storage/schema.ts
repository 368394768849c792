import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
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
  websiteOrigins: text('website_origins').array().notNull().default(sql`'{}'::text[]`),
  privacyNoticeUrl: text('privacy_notice_url'),
  membershipNumberFrom: bigint('membership_number_from', { mode: 'number' }).notNull().default(1),
  membershipNumberTo: bigint('membership_number_to', { mode: 'number' }).notNull().default(999_999),
  mandateReferencePrefix: text('mandate_reference_prefix').notNull().default(''),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
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
    uniqueIndex('fee_class_groups_default_uq').on(t.organisationId).where(sql`${t.isDefault}`),
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
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
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
