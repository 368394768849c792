import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { membershipHandlers } from './membership-handlers'
import { membershipPersonHandlers } from './membership-person-handlers'
import { captureHandlers } from './capture-member'
import { createMembershipStore } from './postgres-membership-store'

/** Memberships (Mitgliedschaften): capture, the member list, terminations, partners and beneficiaries, takeovers. */
export const membershipsCapability = defineCapability({
  name: 'memberships',
  routes: contract.memberships,
  handlers: { ...membershipHandlers, ...membershipPersonHandlers, ...captureHandlers },
  stores: { memberships: createMembershipStore },
})
