import { applicationRoutes } from './applications'
import { membershipRoutes } from './memberships'

/** The whole HTTP API of vereinskit; client methods and server handlers are derived from this table. */
export const contract = {
  applications: applicationRoutes,
  memberships: membershipRoutes,
} as const

/** The type of the contract table. */
export type Contract = typeof contract
