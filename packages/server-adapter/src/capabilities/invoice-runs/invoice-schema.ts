// Invoices of invoice runs.
import { bigint, date, index, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, organisationRef } from '../../storage/shared-schema'
import { memberships } from '../memberships/membership-schema'
import { runs } from '../../runs/run-schema'

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
