import type { OwnOrganisationStore } from './organisation-store'
import type { RunStore } from '../runs/run-store'
import type { RunProgressStore } from '../runs/run-progress'
import type { DailyJobStore } from '../jobs/daily-job-store'

/**
 * The stores capabilities add to an organisation's storage. Each capability declares its own, beside its port:
 * @example
 * declare module '../../storage/organisation-storage' {
 *   interface OrganisationStores { readonly ledger: LedgerStore }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OrganisationStores {}

/**
 * Everything one organisation persists, obtained once per request with `storage.forOrganisation(id)`. Every store
 * behind it is built for that organisation, so no query can forget to filter by it. The shared address book is
 * reached through `people`, which sees only persons connected to the organisation (people/person-connections.ts).
 */
export interface OrganisationStorage extends OrganisationStores {
  readonly organisationId: string
  readonly organisation: OwnOrganisationStore
  readonly runs: RunStore
  /** Progress of runs being applied; written outside any transaction, readable from every server instance. */
  readonly runProgress: RunProgressStore
  /** Which daily job ran on which day, so each runs once however many instances schedule it. */
  readonly dailyJobs: DailyJobStore
  /** Runs `work` atomically with a handle bound to one transaction (same organisation). */
  transaction<T>(work: (tx: OrganisationStorage) => Promise<T>): Promise<T>
}
