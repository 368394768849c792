import { sql, type SQL } from 'drizzle-orm'
import { VereinskitError } from '@vereinskit/core'
import type { Database } from './database'

/**
 * Runs raw SQL and returns its rows; both drivers answer `{ rows }`. Cast dates `::text` and sums `::bigint`.
 * `jit: false` turns PostgreSQL's JIT compiler off for this statement (inside a savepoint): queries over folded
 * search expressions look expensive to the planner, and compiling them costs 50 ms where running them takes 2.
 */
export async function rowsOf<Row>(db: Database, query: SQL, options: { jit?: false } = {}): Promise<Row[]> {
  if (options.jit === false) {
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`)
      return ((await tx.execute(query)) as unknown as { rows: Row[] }).rows
    })
  }
  const result = (await db.execute(query)) as unknown as { rows: Row[] }
  return result.rows
}

/** Runs an insert or update and turns a unique violation into `DUPLICATE_NAME` with `message`. */
export async function refusingDuplicates<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isUniqueViolation(error)) throw new VereinskitError('DUPLICATE_NAME', message)
    throw error
  }
}

/** PostgreSQL's unique-violation code, for turning duplicates into a domain error. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error
  while (current && typeof current === 'object') {
    if ((current as { code?: unknown }).code === '23505') return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
