import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { membershipPeriodHandlers } from './membership-period-handlers'
import { createMembershipPeriodStore } from './postgres-membership-period-store'

/** Membership periods (medlemsperioder) for organisations that sell membership per term or per year. */
export const membershipPeriodsCapability = defineCapability({
  name: 'membership-periods',
  routes: contract.membershipPeriods,
  handlers: membershipPeriodHandlers,
  stores: { membershipPeriods: createMembershipPeriodStore },
})
