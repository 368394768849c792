import { and, eq } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { invoices } from './invoice-schema'
import type { InvoiceRecord, InvoiceStore } from './invoice-store'

/** Invoices of invoice runs in PostgreSQL. */
export function createInvoiceStore(db: Database, organisationId: string): InvoiceStore {
  return {
    async insertForRun(runId, list) {
      if (list.length === 0) return
      for (let start = 0; start < list.length; start += 1000) {
        await db.insert(invoices).values(list.slice(start, start + 1000).map((i) => ({ organisationId, runId, ...i })))
      }
    },
    async ofRun(runId) {
      const rows = await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.organisationId, organisationId), eq(invoices.runId, runId)))
        .orderBy(invoices.number)
      return rows.map((r): InvoiceRecord => ({
        id: r.id,
        number: r.number,
        membershipId: r.membershipId,
        invoiceDate: r.invoiceDate,
        dueOn: r.dueOn,
        total: r.total,
        letter: r.letter as InvoiceRecord['letter'],
        cancelled: r.cancelledAt !== null,
      }))
    },
    async cancelOfRun(runId, cancelledAt) {
      await db
        .update(invoices)
        .set({ cancelledAt })
        .where(and(eq(invoices.organisationId, organisationId), eq(invoices.runId, runId)))
    },
  }
}
