import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../database'
import { invoices, runs } from '../schema'
import type { InvoiceRecord, RunRecord, RunStore } from '../storage'
import { isUuid } from '../uuid'

function toRun(row: typeof runs.$inferSelect): RunRecord {
  return {
    id: row.id,
    kind: row.kind as RunRecord['kind'],
    idempotencyKey: row.idempotencyKey,
    asOf: row.asOf,
    parameters: row.parameters,
    summary: row.summary as Record<string, number>,
    createdAt: row.createdAt.toISOString(),
    reversedAt: row.reversedAt?.toISOString() ?? null,
  }
}

/** Runs and invoices in PostgreSQL. */
export function createRunStore(db: Database): RunStore {
  return {
    async create(organisationId, input) {
      const [row] = await db
        .insert(runs)
        .values({ organisationId, ...input })
        .returning()
      return toRun(row!)
    },
    async findByKey(organisationId, kind, idempotencyKey) {
      const [row] = await db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.kind, kind), eq(runs.idempotencyKey, idempotencyKey)))
      return row && toRun(row)
    },
    async get(organisationId, id, kind, options = {}) {
      if (!isUuid(id)) return undefined
      const query = db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.id, id), eq(runs.kind, kind)))
      const [row] = options.forUpdate ? await query.for('update') : await query
      return row && toRun(row)
    },
    async list(organisationId, kind) {
      const rows = await db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.kind, kind)))
        .orderBy(desc(runs.createdAt))
      return rows.map(toRun)
    },
    async markReversed(organisationId, id, reversedAt) {
      // The key is freed so that the same plan, previewed again after the undo, can be applied again (docs/decisions/0005).
      const [row] = await db
        .update(runs)
        .set({ reversedAt, idempotencyKey: sql`${runs.idempotencyKey} || ':reversed:' || ${runs.id}` })
        .where(and(eq(runs.organisationId, organisationId), eq(runs.id, id)))
        .returning()
      return toRun(row!)
    },
    async insertInvoices(organisationId, runId, list) {
      if (list.length === 0) return
      for (let start = 0; start < list.length; start += 1000) {
        await db.insert(invoices).values(list.slice(start, start + 1000).map((i) => ({ organisationId, runId, ...i })))
      }
    },
    async invoicesOfRun(organisationId, runId) {
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
    async cancelInvoicesOfRun(organisationId, runId, cancelledAt) {
      await db
        .update(invoices)
        .set({ cancelledAt })
        .where(and(eq(invoices.organisationId, organisationId), eq(invoices.runId, runId)))
    },
  }
}
