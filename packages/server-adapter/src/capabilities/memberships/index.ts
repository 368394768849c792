import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { membershipHandlers } from './membership-handlers'
import { createMembershipStore } from './postgres-membership-store'

/** Memberships (Mitgliedschaften) with their person and SEPA mandates. */
export const membershipsCapability = defineCapability({
  name: 'memberships',
  routes: contract.memberships,
  handlers: membershipHandlers,
  stores: { memberships: createMembershipStore },
})
