import type { CalendarDate } from '@vereinskit/core'
import type { RouteTable } from '@vereinskit/core/contract'
import type { Clock } from '../clock'
import type { RouteHandlers } from '../http/route-handler'
import type { Database } from '../storage/database'
import type { OrganisationStorage, OrganisationStores } from '../storage/organisation-storage'

/** How a capability builds its stores for one organisation (PostgreSQL; the same SQL runs on PGlite). */
export type StoreFactories = {
  readonly [K in keyof OrganisationStores]?: (db: Database, organisationId: string) => OrganisationStores[K]
}

/** Work a capability needs done once per organisation and calendar day (in the organisation's time zone). */
export interface DailyJob {
  /** Stable name; with the day it decides "already done" (`daily_job_runs`). */
  readonly name: string
  /** Runs inside the transaction that claims the day, so a failure leaves the day to be tried again. */
  run(tx: OrganisationStorage, today: CalendarDate, clock: Clock): Promise<void>
}

/**
 * Work a capability needs done every minute or so, per organisation (appointment reminders): it runs in its own
 * transaction and must claim what it does in it (an update guarded by a "not yet done" condition), so several
 * instances running it at once do each piece once. Answers how many things it did.
 */
export interface FrequentJob {
  readonly name: string
  run(tx: OrganisationStorage, now: Date, organisationName: string): Promise<number>
}

/**
 * A capability (ledger, dunning, SEPA, …) as one unit: its routes from the contract with their handlers, its stores
 * and its daily jobs. Mounted by one line in `capabilities/index.ts`; see docs/contributing/adding-a-capability.md.
 */
export interface Capability<Routes extends RouteTable = RouteTable> {
  readonly name: string
  /** The capability's table in the contract (`contract.ledger`, …). */
  readonly routes: Routes
  /** One handler per route, shaped like the table: a missing or mistyped handler does not compile. */
  readonly handlers: RouteHandlers<Routes>
  readonly stores?: StoreFactories
  readonly dailyJobs?: readonly DailyJob[]
  readonly frequentJobs?: readonly FrequentJob[]
}

/** Declares a capability, checking its handlers against its routes. */
export function defineCapability<const Routes extends RouteTable>(capability: Capability<Routes>): Capability<Routes> {
  return capability
}
