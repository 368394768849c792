import { missingRemoteIds, reconcileRecord, remoteSyncedPart, type SyncRecord } from '@vereinskit/core/sync'
import type { CalendarDate } from '@vereinskit/core'
import type { Clock } from '../../clock'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { connectorFor, linkRules, type MemberDatabaseIntegration } from './member-database-integration'
import type { RemoteChange } from './member-database-connector'
import { applyLocalChanges, createLocalMember, loadLocalMember } from './member-sync-record'

/** What one pull did. */
export interface PullReport {
  readonly created: number
  readonly updated: number
  readonly deleted: number
  readonly conflicts: number
  readonly unchanged: number
}

const actor = 'member-database'

/**
 * The scheduled pull (MIDA-03, MIDA-10–MIDA-15): claims the organisation's pull when it is due (one instance at a
 * time), reads the remote changes since the stored cursor and settles each in its own transaction under the member's
 * lock — creates, three-way merges against the base, deletions (tombstones; with `full`, also every linked id the
 * remote side no longer lists). Local-only members are never touched. A change applied twice (a feed that repeats
 * itself) finds nothing to do the second time. The cursor moves only after every change was settled.
 */
export async function pullMemberDatabase(
  storage: OrganisationStorage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  today: CalendarDate,
  options: { force?: boolean; full?: boolean } = {},
): Promise<PullReport | undefined> {
  const now = clock.now()
  const link = await storage.memberDatabase.claimPull(now, new Date(now.getTime() + 5 * 60_000), options.force ?? false)
  if (!link) return undefined
  const report = { created: 0, updated: 0, deleted: 0, conflicts: 0, unchanged: 0 }
  let cursor = link.pullCursor
  try {
    const connector = connectorFor(integration, link)
    const rules = linkRules(integration, link)
    const seen = new Map<string, RemoteChange>()
    for (;;) {
      const page = await connector.changesSince(cursor)
      // A feed may repeat itself (a page delivered twice): the highest version of each record wins.
      for (const change of page.changes) {
        const known = seen.get(change.remoteId)
        if (!known || (change.version ?? 0) >= (known.version ?? 0)) seen.set(change.remoteId, change)
      }
      if (page.cursor === cursor || page.changes.length === 0) break
      cursor = page.cursor
    }
    if (options.full) {
      const listed = new Set(await connector.listIds())
      const linked = await storage.memberDatabase.linkedRemoteIds()
      for (const remoteId of missingRemoteIds(linked.keys(), listed)) seen.set(remoteId, { remoteId, record: null })
    }
    for (const change of seen.values()) {
      const outcome = await storage.transaction((tx) => settle(tx, change, rules, today, clock))
      report[outcome]++
    }
    // The first pull has matched what both sides hold; our members without a counterpart are created remotely.
    if (link.lastPullAt === null) await storage.memberDatabase.enqueueUnlinked()
    await storage.memberDatabase.finishPull(cursor, clock.now())
    return report
  } catch (error) {
    // The cursor stays where the last complete pull left it; the next pull reads the changes again.
    await storage.memberDatabase.releasePull().catch(() => undefined)
    throw error
  }
}

async function settle(
  tx: OrganisationStorage,
  change: RemoteChange,
  rules: ReturnType<typeof linkRules>,
  today: CalendarDate,
  clock: Clock,
): Promise<keyof PullReport> {
  const stamp = { actor, at: clock.now() }
  const state = (await tx.memberDatabase.findByRemoteId(change.remoteId)) ?? (await matchByNumber(tx, change, rules))
  if (state?.mode === 'local-only') return 'unchanged'
  if (!state || state.removedAt) {
    if (change.record === null || state?.removedAt) return 'unchanged'
    const local = rulesToLocal(change.record, rules)
    const membershipId = await createLocalMember(tx, local, today, stamp)
    await tx.memberDatabase.updateMember(membershipId, {
      remoteId: change.remoteId,
      base: remoteSyncedPart(change.record, rules.mapping, rules.profile),
      transferredAt: clock.now(),
    })
    // The creation queued an outbox row: what we filled in (the number, the joining day) is sent back, so both
    // sides hold the same record.
    return 'created'
  }
  const local = await loadLocalMember(tx, state.membershipId)
  const result = reconcileRecord({
    local: local && !local.deleted ? local.record : undefined,
    remote: change.record ?? undefined,
    base: state.base ?? undefined,
    mapping: rules.mapping,
    profile: rules.profile,
    policy: rules.policy,
    ...(state.pendingSince && { localTimes: { recordChangedAt: state.pendingSince.toISOString() } }),
    ...(change.changedAt && { remoteTimes: { recordChangedAt: change.changedAt } }),
  })
  switch (result.action) {
    case 'none':
    case 'create-remote':
    case 'delete-remote':
      return 'unchanged'
    case 'deletion-conflict':
    case 'delete-local': {
      await tx.memberDatabase.archiveDeleted(state.membershipId, today, 'deleted-in-member-database')
      await tx.memberDatabase.updateMember(state.membershipId, { removedAt: clock.now(), base: null })
      await tx.memberDatabase.markDone(
        (await tx.memberDatabase.dueChanges(state.membershipId, clock.now())).map((d) => d.id),
        clock.now(),
      )
      return 'deleted'
    }
    case 'create-local':
      return 'unchanged'
    case 'merge': {
      if (result.toLocal.length > 0 && local) await applyLocalChanges(tx, state.membershipId, local, result.toLocal, stamp)
      const pending = result.conflicts.filter((c) => c.resolution === 'pending')
      if (pending.length > 0) {
        const remoteFieldOf = new Map(rules.mapping.fields.map((f) => [f.local, f.remote]))
        await tx.memberDatabase.addConflicts(
          state.membershipId,
          pending.map((c) => ({
            field: c.field,
            remoteField: remoteFieldOf.get(c.field) ?? c.field,
            baseValue: c.base,
            localValue: c.local,
            remoteValue: c.remote,
          })),
        )
      }
      // The base is what the remote side has now; what we keep that differs is sent by the dispatcher.
      await tx.memberDatabase.updateMember(state.membershipId, { base: remoteSyncedPart(change.record!, rules.mapping, rules.profile) })
      if (result.toRemote.length > 0) await tx.memberDatabase.enqueue(state.membershipId)
      return pending.length > 0 ? 'conflicts' : 'updated'
    }
  }
}

/** A remote record not linked yet is matched to our unlinked membership with the same number (initial matching). */
async function matchByNumber(tx: OrganisationStorage, change: RemoteChange, rules: ReturnType<typeof linkRules>) {
  if (change.record === null) return undefined
  const number = Number(rulesToLocal(change.record, rules)['membershipNumber'])
  if (!Number.isSafeInteger(number) || number <= 0) return undefined
  const membershipId = await tx.memberDatabase.unlinkedMembershipByNumber(number)
  if (!membershipId) return undefined
  await tx.memberDatabase.updateMember(membershipId, { remoteId: change.remoteId })
  return tx.memberDatabase.lockMember(membershipId)
}

function rulesToLocal(remote: SyncRecord, rules: ReturnType<typeof linkRules>): SyncRecord {
  const result = reconcileRecord({ local: undefined, remote, base: undefined, ...rules })
  return result.action === 'create-local' ? result.record : {}
}
