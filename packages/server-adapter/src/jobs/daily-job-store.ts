import { sql } from 'drizzle-orm'
import type { CalendarDate } from '@vereinskit/core'
import type { Database } from '../storage/database'
import { rowsOf } from '../storage/rows'

/** Which daily job ran for one organisation on which day. */
export interface DailyJobStore {
  /**
   * Claims `job` for the organisation and day; true for exactly one caller, however many instances ask at once.
   * Call inside the job's transaction, so a failed job leaves its day unclaimed and is tried again.
   */
  claim(job: string, day: CalendarDate, at: Date): Promise<boolean>
  /** How often `job` ran for the organisation (tests and monitoring). */
  count(job: string): Promise<number>
}

/** Claims in the `daily_job_runs` table. */
export function createPostgresDailyJobStore(db: Database, organisationId: string): DailyJobStore {
  return {
    async claim(job, day, at) {
      const rows = await rowsOf<{ day: string }>(
        db,
        sql`insert into daily_job_runs (organisation_id, job, day, ran_at) values (${organisationId}, ${job}, ${day}, ${at})
          on conflict do nothing returning day::text`,
      )
      return rows.length === 1
    },
    async count(job) {
      const [row] = await rowsOf<{ n: string }>(
        db,
        sql`select count(*) as n from daily_job_runs where organisation_id = ${organisationId} and job = ${job}`,
      )
      return Number(row?.n ?? 0)
    },
  }
}
