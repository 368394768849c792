// What the daily jobs did, so a job runs once per organisation and day however many instances are scheduled.
import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { organisationRef } from '../storage/shared-schema'

/** One row per daily job, organisation and calendar day (in the organisation's time zone) it ran for. */
export const dailyJobRuns = pgTable(
  'daily_job_runs',
  {
    organisationId: organisationRef(),
    job: text('job').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.job, t.day] })],
)
