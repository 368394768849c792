import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { memberDatabaseHandlers } from './member-database-handlers'
import { createMemberDatabaseStore } from './postgres-member-database-store'

export type { MemberDatabaseConnector, MemberDatabaseConnectorFactory, RemoteChange } from './member-database-connector'
export { MemberDatabaseCallError } from './member-database-connector'
export { restMemberDatabaseConnector } from './rest-member-database-connector'
export type { MemberDatabaseIntegration } from './member-database-integration'
export { dispatchOutbox } from './push-member-changes'
export { pullMemberDatabase } from './pull-member-database'

/**
 * Two-way sync with an external member database (a national member database such as MiDa): an outbox written by
 * triggers and sent within seconds, a pull every interval, per-member status and mode, and conflicts for staff.
 */
export const memberDatabaseCapability = defineCapability({
  name: 'member-database',
  routes: contract.memberDatabase,
  handlers: memberDatabaseHandlers,
  stores: { memberDatabase: createMemberDatabaseStore },
})
