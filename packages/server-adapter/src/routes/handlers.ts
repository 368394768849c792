import type { Contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../http/route-handler'
import { applicationHandlers } from './applications'
import { membershipHandlers } from './memberships'

/** Every route's handler, shaped like the contract. */
export const handlers: RouteHandlers<Contract> = {
  applications: applicationHandlers,
  memberships: membershipHandlers,
}
