// Tables every capability shares: organisations, their staff API keys and the shared address book.
import { sql } from 'drizzle-orm'
import { bigint, boolean, customType, date, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'

/** A uuid primary key. */
export const id = () => uuid('id').primaryKey().defaultRandom()
/** When the row was written (audit only; domain dates come from the Clock). */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
/** Binary content (PDFs, scans) as `bytea`. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })
/** The owning organisation: every organisation-scoped table has it. */
export const organisationRef = () =>
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
  /** The organisation above this one in a structure (umbrella → member club, main club → division). */
  parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
  /** At the top of a structure: `umbrella` (Dachverbandslösung) or `multi-division` (Mehrspartenlösung). */
  structureKind: text('structure_kind'),
  /** The options of the link to the parent (UmbrellaLinkOptions in core); `{}` is standard sync. */
  syncOptions: jsonb('sync_options').notNull().default({}),
  /** Whether this child pays its own licence invoice or the parent pays (UMB-06, UMB-23). */
  paysOwnInvoice: boolean('pays_own_invoice').notNull().default(true),
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
  /** The administrator the key acts as: their admin group's rights apply. Null: an organisation key, every right. */
  administratorId: uuid('administrator_id'),
  /** A key made by switching into a child ("Alle Abteilungen"): the parent's key that logging out returns to. */
  switchedFromKeyId: uuid('switched_from_key_id'),
  /** Keys made by a switch expire (from the Clock); others do not. */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
})

/**
 * The installation's shared address book (handbook §11.3 Person). Persons carry no organisation: an organisation
 * sees a person only through a connection it owns (see `people/person-connections.ts`). Search runs over the
 * folded expressions `vk_fold(…)` (docs/decisions/0020), indexed with pg_trgm in the migrations.
 */
export const persons = pgTable('persons', {
  id: id(),
  salutation: text('salutation').notNull(),
  title: text('title'),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  company: text('company'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  street: text('street').notNull(),
  postcode: text('postcode').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  /** Adresse ungültig (returned mail): no automatic letters go to the postal address. */
  postalAddressInvalid: boolean('postal_address_invalid').notNull().default(false),
  /** Rechnungs-/Mahnanschrift; null means the postal address is used. */
  billingAddress: jsonb('billing_address'),
  billingAddressInvalid: boolean('billing_address_invalid').notNull().default(false),
  email: text('email'),
  phonePrivate: text('phone_private'),
  phoneWork: text('phone_work'),
  phoneMobile: text('phone_mobile'),
  /** How letters reach the person: by post (print queue) or as a PDF attached to an e-mail. */
  preferredChannel: text('preferred_channel').notNull().default('letter'),
  /** Schutz der Personendaten gewünscht (marker only). */
  dataProtectionRequested: boolean('data_protection_requested').notNull().default(false),
  /** Aufnahmesperre (marker only). */
  admissionBlocked: boolean('admission_blocked').notNull().default(false),
  notes: text('notes'),
  createdAt: createdAt(),
})
