// Member-account postings, their allocations and which runs used them.
import { sql } from 'drizzle-orm'
import { bigint, bigserial, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, createdAt, organisationRef } from '../../storage/shared-schema'
import { feeAssignments } from '../fee-assignments/assignment-schema'
import { accounts } from '../finance-setup/finance-schema'
import { memberships } from '../memberships/membership-schema'
import { runs } from '../../runs/run-schema'

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
    /** How it came about: by the allocation rule (docs/decisions/0000#d3), by staff's hand, by a reversal, a write-off or a debit paid in cash. */
    origin: text('origin').notNull().default('automatic'),
  },
  (t) => [
    index('allocations_credit_idx').on(t.creditId),
    index('allocations_debit_idx').on(t.debitId),
    check('allocations_amount_ck', sql`${t.amount} > 0`),
    check('allocations_origin_ck', sql`${t.origin} in ('automatic', 'manual', 'reversal', 'write-off', 'cash', 'direct-debit')`),
  ],
)

/**
 * Which run used a posting (invoice now; direct-debit and dunning runs later). A used debit cannot be deleted and
 * its charge run cannot be undone (docs/decisions/0000#d5).
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
