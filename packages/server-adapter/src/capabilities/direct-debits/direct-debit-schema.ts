// Direct debits: mandate documents, the debits of each run with the items they settle, pain.008 exports and
// pre-notifications.
import { sql } from 'drizzle-orm'
import { bigint, check, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { bytea, id, createdAt, organisationRef, persons } from '../../storage/shared-schema'
import { mandates, ownMembership } from '../memberships/membership-schema'
import { runs } from '../../runs/run-schema'
import { postings } from '../ledger/ledger-schema'

/** The one scanned document of a mandate (the signed form, a bank notice). */
export const mandateDocuments = pgTable(
  'mandate_documents',
  {
    mandateId: uuid('mandate_id').primaryKey(),
    organisationId: organisationRef(),
    fileName: text('file_name').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'mandate_documents_mandate_fk',
      columns: [t.organisationId, t.mandateId],
      foreignColumns: [mandates.organisationId, mandates.id],
    }).onDelete('cascade'),
  ],
)

/** A pain.008 file written for one sequence type of a run; a cancelled one stays as history. */
export const directDebitExports = pgTable(
  'direct_debit_exports',
  {
    id: id(),
    organisationId: organisationRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id),
    sequenceType: text('sequence_type').notNull(),
    messageId: text('message_id').notNull(),
    xml: text('xml').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by'),
  },
  (t) => [index('direct_debit_exports_run_idx').on(t.organisationId, t.runId)],
)

/** One collection of a run: a payer's mandate and the amount; its status follows export, cancellation and return. */
export const directDebits = pgTable(
  'direct_debits',
  {
    id: id(),
    organisationId: organisationRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id),
    mandateId: uuid('mandate_id').notNull(),
    payerPersonId: uuid('payer_person_id')
      .notNull()
      .references(() => persons.id),
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    sequenceType: text('sequence_type').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    endToEndId: text('end_to_end_id').notNull(),
    /** The mandate as this collection carries it (reference, account), for amendments and returns. */
    reference: text('reference').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    accountHolder: text('account_holder').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    amendment: jsonb('amendment'),
    address: jsonb('address'),
    email: text('email'),
    preNotificationChannel: text('pre_notification_channel').notNull(),
    remittance: text('remittance').notNull(),
    membershipNumbers: bigint('membership_numbers', { mode: 'number' }).array().notNull(),
    status: text('status').notNull().default('pending'),
    exportId: uuid('export_id').references(() => directDebitExports.id),
    returnReason: text('return_reason'),
    lapseWarning: text('lapse_warning'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('direct_debits_end_to_end_uq').on(t.organisationId, t.endToEndId),
    index('direct_debits_run_idx').on(t.organisationId, t.runId),
    index('direct_debits_mandate_idx').on(t.organisationId, t.mandateId),
    uniqueIndex('direct_debits_organisation_id_uq').on(t.organisationId, t.id),
    foreignKey({
      name: 'direct_debits_mandate_fk',
      columns: [t.organisationId, t.mandateId],
      foreignColumns: [mandates.organisationId, mandates.id],
    }),
    check('direct_debits_status_ck', sql`${t.status} in ('pending', 'exported', 'returned')`),
    check('direct_debits_sequence_ck', sql`${t.sequenceType} in ('FRST', 'RCUR', 'FNAL', 'OOFF')`),
  ],
)

/** The open items a debit settles, per membership, and the credit its export booked for them. */
export const directDebitItems = pgTable(
  'direct_debit_items',
  {
    debitId: uuid('debit_id').notNull(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => postings.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    creditPostingId: uuid('credit_posting_id'),
  },
  (t) => [
    primaryKey({ columns: [t.debitId, t.postingId] }),
    foreignKey({
      name: 'direct_debit_items_debit_fk',
      columns: [t.organisationId, t.debitId],
      foreignColumns: [directDebits.organisationId, directDebits.id],
    }).onDelete('cascade'),
    ownMembership('direct_debit_items_membership_fk', t),
    index('direct_debit_items_posting_idx').on(t.postingId),
  ],
)

/** The pre-notification (Vorabinformation) of a debit: at most one per debit, re-sent only after a failure. */
export const preNotifications = pgTable(
  'pre_notifications',
  {
    debitId: uuid('debit_id').primaryKey(),
    organisationId: organisationRef(),
    channel: text('channel').notNull(),
    documentId: uuid('document_id'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'pre_notifications_debit_fk',
      columns: [t.organisationId, t.debitId],
      foreignColumns: [directDebits.organisationId, directDebits.id],
    }).onDelete('cascade'),
  ],
)
