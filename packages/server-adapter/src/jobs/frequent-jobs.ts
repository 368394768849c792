import type { Clock } from '../clock'
import type { Storage } from '../storage/storage'
import type { FrequentJob } from '../capabilities/capability'

/**
 * Runs every capability's frequent jobs once for every organisation, each in its own transaction (the job claims
 * its work inside it, so instances running this at once never do a piece twice). A failure is reported and the
 * other organisations go on. Answers how many things were done.
 */
export async function runFrequentJobs(
  storage: Storage,
  clock: Clock,
  jobs: readonly FrequentJob[],
  onError?: (error: unknown, organisationId: string | null, job: string) => void,
): Promise<number> {
  if (jobs.length === 0) return 0
  let done = 0
  for (const organisation of await storage.organisations.list()) {
    const own = storage.forOrganisation(organisation.id)
    for (const job of jobs) {
      try {
        done += await own.transaction((tx) => job.run(tx, clock.now(), organisation.name))
      } catch (error) {
        onError?.(error, organisation.id, job.name)
      }
    }
  }
  return done
}
