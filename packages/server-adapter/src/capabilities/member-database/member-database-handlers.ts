import { VereinskitError } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { checkLinkPrerequisites, checkUnlocked, memberSyncStatusOf, profileOf } from '@vereinskit/core/sync'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { sealCredentials } from './credential-box'
import { MemberDatabaseCallError } from './member-database-connector'
import { connectorFor, regionsOf, requireLink } from './member-database-integration'
import type { MemberDatabaseLinkRecord, MemberLinkRecord } from './member-database-store'
import { dispatchOutbox } from './push-member-changes'
import { pullMemberDatabase } from './pull-member-database'
import { conflictView, decideConflict } from './decide-conflict'

type Routes = typeof contract.memberDatabase

function linkView(link: MemberDatabaseLinkRecord, context: HandlerContext) {
  const region = regionsOf(context.integrations.memberDatabase).find((r) => r.name === link.region)
  return {
    baseUrl: link.baseUrl,
    region: link.region,
    centralCollection: region ? (profileOf(region).excludedGroups ?? []).length > 0 : false,
    pullIntervalMinutes: link.pullIntervalMinutes,
    conflictPolicy: link.conflictPolicy,
    lastPullAt: link.lastPullAt?.toISOString() ?? null,
    credentialsStored: true as const,
  }
}

/** The status staff see (MIDA-09): local only, failed with its reason, pending, or transferred. */
export function statusView(membershipId: string, state: MemberLinkRecord | undefined) {
  const pending = state?.pendingChanges ?? 0
  const status = memberSyncStatusOf({
    mode: state?.mode ?? 'synced',
    pendingChanges: pending,
    failureReason: state?.failureReason ?? null,
    remoteId: state?.remoteId ?? null,
  })
  return {
    membershipId,
    status,
    remoteId: state?.remoteId ?? null,
    failureReason: status === 'failed' ? (state?.failureReason ?? null) : null,
    transferredAt: state?.transferredAt?.toISOString() ?? null,
    pendingChanges: pending,
  } as const
}

async function memberOf(context: HandlerContext, membershipId: string) {
  await requireLink(context.storage)
  if (!(await context.storage.memberships.get(membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', membershipId)
}

/** Turns a failed remote call during setup into the route's codes. */
function setupFailure(error: unknown): never {
  if (error instanceof MemberDatabaseCallError) {
    if (error.kind === 'credentials') throw new VereinskitError('MEMBER_DATABASE_CREDENTIALS_INVALID', error.message)
    throw new VereinskitError('MEMBER_DATABASE_UNAVAILABLE', error.message)
  }
  throw error
}

export const memberDatabaseHandlers: RouteHandlers<Routes> = {
  async link({ body }, context) {
    const integration = context.integrations.memberDatabase
    const credentials = sealCredentials(integration?.secretKey, { username: body.username, password: body.password })
    const draft = { ...body, credentials, pullCursor: null, lastPullAt: null }
    // The region first (no call needed), then what the credentials may do (MIDA-18, MIDA-19).
    checkLinkPrerequisites(body.region, 'write', regionsOf(integration))
    const rights = await connectorFor(integration, draft).checkCredentials().catch(setupFailure)
    checkLinkPrerequisites(body.region, rights, regionsOf(integration))
    await context.storage.memberDatabase.saveLink({
      baseUrl: body.baseUrl,
      region: body.region,
      credentials,
      pullIntervalMinutes: body.pullIntervalMinutes,
      conflictPolicy: body.conflictPolicy,
    })
    return linkView(await requireLink(context.storage), context)
  },
  async getLink(_, context) {
    return linkView(await requireLink(context.storage), context)
  },
  async memberStatus({ params }, context) {
    await memberOf(context, params.membershipId)
    return statusView(params.membershipId, await context.storage.memberDatabase.getMember(params.membershipId))
  },
  async setMode({ params, body }, context) {
    await memberOf(context, params.membershipId)
    await context.storage.transaction((tx) => tx.memberDatabase.setMode(params.membershipId, body.mode))
    return statusView(params.membershipId, await context.storage.memberDatabase.getMember(params.membershipId))
  },
  async removeMember({ params }, context) {
    // A synced copy is the parent's member: it leaves only when the parent removes it or ends the sync.
    const source = await context.storage.memberSyncs.sourceOf(params.membershipId)
    if (source) checkUnlocked('membership', ['endsOn'], source.options)
    await memberOf(context, params.membershipId)
    await context.storage.transaction(async (tx) => {
      const membership = await tx.memberships.get(params.membershipId)
      if (membership?.archivedOn) throw new VereinskitError('MEMBERSHIP_ARCHIVED', `Membership ${membership.number} is deleted already.`)
      await tx.memberDatabase.archiveDeleted(params.membershipId, context.today, 'deleted')
    })
    return statusView(params.membershipId, await context.storage.memberDatabase.getMember(params.membershipId))
  },
  async pull({ body }, context) {
    await requireLink(context.storage)
    const report = await pullMemberDatabase(context.storage, context.integrations.memberDatabase, context.clock, context.today, {
      force: true,
      full: body.full,
    }).catch(setupFailure)
    return report ? { ran: true, ...report } : { ran: false, created: 0, updated: 0, deleted: 0, conflicts: 0, unchanged: 0, failed: 0 }
  },
  async push(_, context) {
    await requireLink(context.storage)
    return { settled: await dispatchOutbox(context.storage, context.integrations.memberDatabase, context.clock) }
  },
  async conflicts(_, context) {
    await requireLink(context.storage)
    return { items: (await context.storage.memberDatabase.openConflicts()).map(conflictView) }
  },
  async decideConflict({ params, body }, context) {
    await requireLink(context.storage)
    return conflictView(await decideConflict(context, params.conflictId, body.keep))
  },
}
