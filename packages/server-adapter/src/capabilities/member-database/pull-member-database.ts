import { mapToRemote, missingRemoteIds, reconcileRecord, remoteSyncedPart, type SyncRecord } from '@vereinskit/core/sync'
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
  /** Records that could not be taken over (reported on the member when it is linked). */
  readonly failed: number
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
  const report = { created: 0, updated: 0, deleted: 0, conflicts: 0, unchanged: 0, failed: 0 }
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
      // One record the database refuses (a date that does not exist) is reported, and the others still arrive.
      try {
        report[await storage.transaction((tx) => settle(tx, change, rules, today, clock))]++
      } catch (error) {
        report.failed++
        const reason = `Pulling ${change.remoteId} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`.slice(
          0,
          500,
        )
        const linked = await storage.memberDatabase.findByRemoteId(change.remoteId).catch(() => undefined)
        if (linked) await storage.memberDatabase.updateMember(linked.membershipId, { failureReason: reason }).catch(() => undefined)
      }
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
): Promise<Exclude<keyof PullReport, 'failed'>> {
  const stamp = { actor, at: clock.now() }
  const state = (await tx.memberDatabase.findByRemoteId(change.remoteId)) ?? (await matchByNumber(tx, change, rules))
  if (state?.mode === 'local-only') return 'unchanged'
  if (!state || state.removedAt) {
    if (change.record === null || state?.removedAt) return 'unchanged'
    const local = rulesToLocal(change.record, rules)
    const membershipId = await createLocalMember(tx, local, today, stamp)
    const created = await loadLocalMember(tx, membershipId)
    await tx.memberDatabase.updateMember(membershipId, {
      remoteId: change.remoteId,
      base: agreedBase(created!.record, remoteSyncedPart(change.record, rules.mapping, rules.profile), rules, []),
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
      await tx.memberDatabase.updateMember(state.membershipId, { removedAt: clock.now(), base: null, inFlight: null })
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
      const reloaded = await loadLocalMember(tx, state.membershipId)
      const remoteNow = remoteSyncedPart(change.record!, rules.mapping, rules.profile)
      const keepRemote = [
        ...result.toRemote.map((c) => c.field),
        ...pending.map((c) => rules.mapping.fields.find((f) => f.local === c.field)?.remote ?? c.field),
      ]
      await tx.memberDatabase.updateMember(state.membershipId, { base: agreedBase(reloaded!.record, remoteNow, rules, keepRemote) })
      if (result.toRemote.length > 0) await tx.memberDatabase.enqueue(state.membershipId)
      return pending.length > 0 ? 'conflicts' : 'updated'
    }
  }
}

/**
 * The base after a pull: what we now hold, in the remote schema — so a value we could not store (bank data without a
 * mandate to put it in) is never sent back as a deletion — except for the fields whose remote value must still be
 * overwritten by ours (we won the merge, a conflict waits for a decision, or we filled in what the remote lacked):
 * for those the base is the remote value, so the dispatcher sends our value next.
 */
function agreedBase(
  local: SyncRecord,
  remoteNow: SyncRecord,
  rules: ReturnType<typeof linkRules>,
  keepRemote: readonly string[],
): SyncRecord {
  const ours = mapToRemote(local, rules.mapping, rules.profile)
  const base: Record<string, SyncRecord[string]> = { ...ours }
  const fields = new Set([...keepRemote, ...Object.keys(ours).filter((f) => remoteNow[f] === undefined)])
  for (const field of fields) {
    if (remoteNow[field] === undefined) delete base[field]
    else base[field] = remoteNow[field]!
  }
  return base
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
