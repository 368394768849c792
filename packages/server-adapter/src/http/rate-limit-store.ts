import { sql } from 'drizzle-orm'
import type { Database } from '../storage/database'
import { rowsOf } from '../storage/rows'

/** Fixed-window attempt counters, shared by every server instance on the database. */
export interface RateLimitStore {
  /**
   * Counts one attempt for `key` at `now` (from the Clock) in a window of `windowSeconds`; returns the attempts in
   * the current window and when it started. Atomic: two instances hitting the same key at once both count.
   */
  hit(key: string, now: Date, windowSeconds: number): Promise<{ count: number; startedAt: Date }>
  /** The attempts for `key` in the window open at `now`, without counting one (0 when none is open). */
  peek(key: string, now: Date, windowSeconds: number): Promise<{ count: number; startedAt: Date }>
  /** Drops windows that ended before `now`; run by the daily housekeeping job. */
  clearExpired(now: Date, windowSeconds: number): Promise<number>
}

/** Counters in the `rate_limit_windows` table: one upsert per attempt, the same SQL on PGlite and PostgreSQL. */
export function createPostgresRateLimitStore(db: Database): RateLimitStore {
  return {
    async hit(key, now, windowSeconds) {
      const [row] = await rowsOf<{ count: number | string; started_at: Date | string }>(
        db,
        sql`insert into rate_limit_windows as w (key, started_at, count) values (${key}, ${now}, 1)
          on conflict (key) do update set
            count = case when w.started_at <= ${now}::timestamptz - make_interval(secs => ${windowSeconds}) then 1 else w.count + 1 end,
            started_at = case when w.started_at <= ${now}::timestamptz - make_interval(secs => ${windowSeconds}) then ${now}::timestamptz else w.started_at end
          returning count, started_at`,
      )
      return { count: Number(row!.count), startedAt: new Date(row!.started_at) }
    },
    async peek(key, now, windowSeconds) {
      const [row] = await rowsOf<{ count: number | string; started_at: Date | string }>(
        db,
        sql`select count, started_at from rate_limit_windows
          where key = ${key} and started_at > ${now}::timestamptz - make_interval(secs => ${windowSeconds})`,
      )
      return row ? { count: Number(row.count), startedAt: new Date(row.started_at) } : { count: 0, startedAt: now }
    },
    async clearExpired(now, windowSeconds) {
      const rows = await rowsOf<{ key: string }>(
        db,
        sql`delete from rate_limit_windows where started_at <= ${now}::timestamptz - make_interval(secs => ${windowSeconds}) returning key`,
      )
      return rows.length
    },
  }
}
