import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../storage/database'
import { runs } from './run-schema'
import type { RunRecord, RunStore } from './run-store'
import { isUuid } from '../storage/uuid'

function toRun(row: typeof runs.$inferSelect): RunRecord {
  return {
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotencyKey,
    asOf: row.asOf,
    parameters: row.parameters,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    reversedAt: row.reversedAt?.toISOString() ?? null,
    reversedBy: row.reversedBy,
  }
}

/** Runs of every kind in PostgreSQL. */
export function createRunStore(db: Database, organisationId: string): RunStore {
  return {
    async create(input) {
      const [row] = await db
        .insert(runs)
        .values({ organisationId, ...input })
        .returning()
      return toRun(row!)
    },
    async findByKey(kind, idempotencyKey) {
      const [row] = await db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.kind, kind), eq(runs.idempotencyKey, idempotencyKey)))
      return row && toRun(row)
    },
    async get(id, kind, options = {}) {
      if (!isUuid(id)) return undefined
      const query = db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.id, id), eq(runs.kind, kind)))
      const [row] = options.forUpdate ? await query.for('update') : await query
      return row && toRun(row)
    },
    async list(kind) {
      const rows = await db
        .select()
        .from(runs)
        .where(and(eq(runs.organisationId, organisationId), eq(runs.kind, kind)))
        .orderBy(desc(runs.createdAt))
      return rows.map(toRun)
    },
    async markReversed(id, reversedAt, reversedBy) {
      // The key is freed so that the same plan, previewed again after the undo, can be applied again (docs/decisions/0005).
      const [row] = await db
        .update(runs)
        .set({ reversedAt, reversedBy: reversedBy ?? null, idempotencyKey: sql`${runs.idempotencyKey} || ':reversed:' || ${runs.id}` })
        .where(and(eq(runs.organisationId, organisationId), eq(runs.id, id)))
        .returning()
      return toRun(row!)
    },
  }
}
