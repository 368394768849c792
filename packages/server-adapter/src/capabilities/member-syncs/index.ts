import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { memberSyncHandlers } from './member-sync-handlers'
import { createMemberSyncStore } from './postgres-member-sync-store'

/** Umbrella sync of members from a parent into its children, one by one or by CSV. */
export const memberSyncCapability = defineCapability({
  name: 'member-syncs',
  routes: contract.memberSyncs,
  handlers: memberSyncHandlers,
  stores: { memberSyncs: createMemberSyncStore },
})
