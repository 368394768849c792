import {
  defaultMemberDatabaseRegions,
  memberDatabaseMapping,
  profileOf,
  type MemberDatabaseRegion,
  type MergePolicy,
} from '@vereinskit/core/sync'
import { VereinskitError } from '@vereinskit/core'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { openCredentials } from './credential-box'
import type { MemberDatabaseConnector, MemberDatabaseConnectorFactory } from './member-database-connector'
import type { MemberDatabaseLinkRecord } from './member-database-store'
import { restMemberDatabaseConnector } from './rest-member-database-connector'

/**
 * How a server reaches external member databases: the secret that seals stored credentials, the connector to build
 * for a link (the REST reference connector unless given), and the supported regions (configuration, MIDA-19).
 */
export interface MemberDatabaseIntegration {
  readonly secretKey?: string
  readonly connect?: MemberDatabaseConnectorFactory
  readonly regions?: readonly MemberDatabaseRegion[]
  /** Timeout of one remote call; default 5 s. */
  readonly timeoutMs?: number
}

/** The regions a server supports. */
export function regionsOf(integration: MemberDatabaseIntegration | undefined): readonly MemberDatabaseRegion[] {
  return integration?.regions ?? defaultMemberDatabaseRegions
}

/** The connector for a stored link. */
export function connectorFor(integration: MemberDatabaseIntegration | undefined, link: MemberDatabaseLinkRecord): MemberDatabaseConnector {
  const { username, password } = openCredentials<{ username: string; password: string }>(integration?.secretKey, link.credentials)
  const connect =
    integration?.connect ??
    ((l) => restMemberDatabaseConnector({ ...l, ...(integration?.timeoutMs && { timeoutMs: integration.timeoutMs }) }))
  return connect({ baseUrl: link.baseUrl, username, password })
}

/** The mapping profile and merge policy of a link. */
export function linkRules(integration: MemberDatabaseIntegration | undefined, link: MemberDatabaseLinkRecord) {
  const region = regionsOf(integration).find((r) => r.name === link.region) ?? { name: link.region, centralCollection: false }
  const policy: MergePolicy = {
    defaultRule: { policy: link.conflictPolicy, owner: 'remote', flow: 'both' },
    deletions: 'propagate',
  }
  return { mapping: memberDatabaseMapping, profile: profileOf(region), policy }
}

/** The organisation's link, or MEMBER_DATABASE_NOT_LINKED. */
export async function requireLink(tx: OrganisationStorage): Promise<MemberDatabaseLinkRecord> {
  const link = await tx.memberDatabase.getLink()
  if (!link) throw new VereinskitError('MEMBER_DATABASE_NOT_LINKED', 'Link the organisation to a member database first.')
  return link
}
