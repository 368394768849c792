import { sql } from 'drizzle-orm'
import type { Database } from '../storage/database'
import { rowsOf } from '../storage/rows'

/** How far a run has got. */
export interface RunProgress {
  readonly phase: 'unknown' | 'planning' | 'applying' | 'done' | 'failed'
  readonly done: number
  readonly total: number
}

/** Progress of one organisation's runs, by idempotency key (the key the preview returned; it names the kind). */
export interface RunProgressStore {
  /** The progress of the organisation's run with this key (keys name their kind: `invoice-…`). */
  find(idempotencyKey: string): Promise<RunProgress>
  /** Records progress; `at` comes from the Clock. Never inside the run's transaction (others could not see it). */
  set(kind: string, idempotencyKey: string, progress: RunProgress, at: Date): Promise<void>
}

const unknown: RunProgress = { phase: 'unknown', done: 0, total: 0 }

/**
 * Progress in the `run_progress` table, written through `root` (the pool, not the run's transaction), so that every
 * server instance on the database sees it while the run is still going.
 */
export function createPostgresRunProgressStore(root: Database, organisationId: string): RunProgressStore {
  return {
    async find(key) {
      const [row] = await rowsOf<RunProgress>(
        root,
        sql`select phase, done, total from run_progress
          where organisation_id = ${organisationId} and idempotency_key = ${key} order by updated_at desc limit 1`,
      )
      return row ? { phase: row.phase, done: Number(row.done), total: Number(row.total) } : unknown
    },
    async set(kind, key, progress, at) {
      await root.execute(sql`insert into run_progress (organisation_id, kind, idempotency_key, phase, done, total, updated_at)
        values (${organisationId}, ${kind}, ${key}, ${progress.phase}, ${progress.done}, ${progress.total}, ${at})
        on conflict (organisation_id, kind, idempotency_key)
        do update set phase = excluded.phase, done = excluded.done, total = excluded.total, updated_at = excluded.updated_at`)
    },
  }
}

/**
 * Progress in memory, for embedded PGlite: one process owns its data directory (it is locked), and PGlite's single
 * connection could not take a write from outside while the run's transaction holds it.
 */
export function createMemoryRunProgressStore(entries: Map<string, RunProgress>, organisationId: string, keep = 200): RunProgressStore {
  // The key names its kind (`invoice-…`), so organisation and key identify the run.
  const keyOf = (key: string) => `${organisationId}|${key}`
  return {
    find: async (key) => entries.get(keyOf(key)) ?? unknown,
    async set(_kind, key, progress) {
      entries.delete(keyOf(key))
      entries.set(keyOf(key), progress)
      while (entries.size > keep) entries.delete(entries.keys().next().value!)
    },
  }
}
