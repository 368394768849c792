import { calendarDateAt } from '@vereinskit/core'
import type { Capability, DailyJob } from '../capabilities/capability'
import type { Clock } from '../clock'
import type { Storage } from '../storage/storage'

/** The daily jobs of every mounted capability. */
export function dailyJobsOf(capabilities: readonly Capability[]): DailyJob[] {
  return capabilities.flatMap((c) => [...(c.dailyJobs ?? [])])
}

/**
 * Runs each daily job once per organisation and calendar day in that organisation's time zone: the day is claimed
 * in the job's own transaction (`daily_job_runs`), so however many server instances run this at once, exactly one
 * does the work, and a job that fails leaves its day to be tried again. Missed days need no catching up: the jobs
 * themselves catch up and are idempotent. Returns how many jobs ran.
 */
export async function runDailyJobs(
  storage: Storage,
  clock: Clock,
  jobs: readonly DailyJob[],
  onError?: (error: unknown, organisationId: string, job: string) => void,
): Promise<number> {
  let ran = 0
  for (const organisation of await storage.organisations.list()) {
    const today = calendarDateAt(clock.now(), organisation.timeZone)
    for (const job of jobs) {
      try {
        const did = await storage.forOrganisation(organisation.id).transaction(async (tx) => {
          if (!(await tx.dailyJobs.claim(job.name, today, clock.now()))) return false
          await job.run(tx, today, clock)
          return true
        })
        if (did) ran += 1
      } catch (error) {
        onError?.(error, organisation.id, job.name)
      }
    }
  }
  return ran
}
