// Bank imports: uploaded camt files, their transactions and what was done with them, the return-reason table.
import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, createdAt, organisationRef } from '../../storage/shared-schema'
import { ownMembership } from '../memberships/membership-schema'

/** An uploaded camt.053 or camt.054 file (Übersicht Dateien). */
export const bankFiles = pgTable(
  'bank_files',
  {
    id: id(),
    organisationId: organisationRef(),
    fileName: text('file_name').notNull(),
    message: text('message').notNull(),
    version: text('version').notNull(),
    messageId: text('message_id').notNull(),
    /** SHA-256 of the content: the same file is recognised however it is named. */
    contentHash: text('content_hash').notNull(),
    status: text('status').notNull().default('processing'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bank_files_hash_uq').on(t.organisationId, t.contentHash),
    uniqueIndex('bank_files_message_uq').on(t.organisationId, t.message, t.messageId),
    uniqueIndex('bank_files_organisation_id_uq').on(t.organisationId, t.id),
    check('bank_files_status_ck', sql`${t.status} in ('processing', 'active', 'failed', 'closed')`),
  ],
)

/** One transaction of a bank file and its outcome. */
export const bankEntries = pgTable(
  'bank_entries',
  {
    id: id(),
    organisationId: organisationRef(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => bankFiles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    bookingDate: date('booking_date', { mode: 'string' }),
    endToEndId: text('end_to_end_id'),
    mandateReference: text('mandate_reference'),
    remittance: text('remittance').notNull(),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    returnReason: text('return_reason'),
    charges: bigint('charges', { mode: 'number' }),
    /** What makes this transaction the same in another file (bank reference, statement and position). */
    dedupeKey: text('dedupe_key').notNull(),
    membershipId: uuid('membership_id'),
    directDebitId: uuid('direct_debit_id'),
    postingIds: uuid('posting_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index('bank_entries_file_idx').on(t.organisationId, t.fileId, t.position),
    // A transaction is booked or waits once; a second sighting is recorded as a duplicate.
    uniqueIndex('bank_entries_dedupe_uq')
      .on(t.organisationId, t.dedupeKey)
      .where(sql`${t.status} <> 'duplicate'`),
    ownMembership('bank_entries_membership_fk', t),
    check('bank_entries_status_ck', sql`${t.status} in ('booked', 'open', 'reported', 'duplicate', 'dismissed')`),
  ],
)

/** The club's return-reason table (Rücklastgründe); codes not in it take the shipped defaults. */
export const returnReasons = pgTable(
  'return_reasons',
  {
    organisationId: organisationRef(),
    code: text('code').notNull(),
    meaning: text('meaning').notNull(),
    switchTo: text('switch_to'),
    letterText: text('letter_text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
)
