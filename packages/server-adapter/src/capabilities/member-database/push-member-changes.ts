import { diffRecords, mapToRemote, retryDelaySeconds, type SyncRecord } from '@vereinskit/core/sync'
import type { Clock } from '../../clock'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { connectorFor, linkRules, type MemberDatabaseIntegration } from './member-database-integration'
import type { MemberDatabaseConnector } from './member-database-connector'
import type { InFlightPush } from './member-database-store'
import { loadLocalMember } from './member-sync-record'

/**
 * The outbox dispatcher (MIDA-02, MIDA-04, MIDA-07, MIDA-08). Each membership with due outbox rows is sent in three
 * steps, so no change is lost or applied twice whatever fails:
 * 1. under the member's state row lock (another instance skips it), the write is fixed and stored: a create, the
 *    fields changed since the base, or a delete, with a key that includes a growing sequence number;
 * 2. the write is sent, outside any transaction;
 * 3. under the lock again, a confirmed write moves the base and settles the rows it covered; a failed one keeps
 *    them due after a backoff and shows the reason.
 * A retry — after a lost answer, a timeout, a crash between the steps, on another instance — resends the stored
 * write under its key, so the remote side applies it once; edits made meanwhile go out as the next write.
 */
export async function dispatchOutbox(
  storage: OrganisationStorage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  limit = 50,
): Promise<number> {
  const link = await storage.memberDatabase.getLink()
  // Nothing is sent before the first pull has matched the two sides (docs/decisions/0023#identity).
  if (!link || link.lastPullAt === null) return 0
  const connector = connectorFor(integration, link)
  const rules = linkRules(integration, link)
  let settled = 0
  for (const membershipId of await storage.memberDatabase.dueMemberships(clock.now(), limit)) {
    settled += await pushOne(storage, membershipId, connector, rules, clock)
  }
  return settled
}

async function pushOne(
  storage: OrganisationStorage,
  membershipId: string,
  connector: MemberDatabaseConnector,
  rules: ReturnType<typeof linkRules>,
  clock: Clock,
): Promise<number> {
  const write = await storage.transaction((tx) => prepare(tx, membershipId, rules, clock))
  if (write === undefined) return 0
  if (write === 'settled') return 1
  let remoteId: string | undefined
  try {
    if (write.push.kind === 'create') remoteId = (await connector.create(write.push.fields, write.push.key)).remoteId
    else if (write.push.kind === 'update') await connector.update(write.remoteId!, write.push.fields, write.push.key)
    else await connector.remove(write.remoteId!, write.push.key)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    await storage.transaction(async (tx) => {
      await tx.memberDatabase.markFailed(
        write.push.rows,
        reason,
        new Date(clock.now().getTime() + retryDelaySeconds(write.attempts, Math.random()) * 1000),
      )
      await tx.memberDatabase.updateMember(membershipId, { failureReason: reason })
    })
    return 0
  }
  return storage.transaction(async (tx) => {
    const state = await tx.memberDatabase.lockMember(membershipId)
    // Confirmed by another instance already (it sent the same write under the same key).
    if (!state || state.inFlight?.key !== write.push.key) return 0
    const now = clock.now()
    const base = state.base ?? {}
    if (write.push.kind === 'create') {
      await tx.memberDatabase.updateMember(membershipId, { remoteId: remoteId!, base: write.push.fields, removedAt: null })
    } else if (write.push.kind === 'update') {
      const next: Record<string, SyncRecord[string]> = { ...base }
      for (const [field, value] of Object.entries(write.push.fields)) {
        if (value === null) delete next[field]
        else next[field] = value
      }
      await tx.memberDatabase.updateMember(membershipId, { base: next })
    } else await tx.memberDatabase.updateMember(membershipId, { removedAt: now, base: null })
    await tx.memberDatabase.updateMember(membershipId, { inFlight: null, failureReason: null, transferredAt: now })
    await tx.memberDatabase.markDone(write.push.rows, now)
    return 1
  })
}

/** Step 1: the write to send (stored), `settled` when there is nothing to send, undefined when another instance has it. */
async function prepare(
  tx: OrganisationStorage,
  membershipId: string,
  rules: ReturnType<typeof linkRules>,
  clock: Clock,
): Promise<{ push: InFlightPush; remoteId: string | null; attempts: number } | 'settled' | undefined> {
  const state = await tx.memberDatabase.lockMember(membershipId)
  if (!state) return undefined
  const now = clock.now()
  const due = await tx.memberDatabase.dueChanges(membershipId, now)
  if (due.length === 0) return undefined
  const attempts = Math.max(...due.map((d) => d.attempts)) + 1
  if (state.inFlight) return { push: state.inFlight, remoteId: state.remoteId, attempts }
  const ids = due.map((d) => d.id)
  if (state.mode === 'local-only') {
    await tx.memberDatabase.markDone(ids, now)
    return 'settled'
  }
  const local = await loadLocalMember(tx, membershipId)
  const sequence = state.pushSequence + 1
  let push: InFlightPush | undefined
  if (!local || local.deleted) {
    if (state.remoteId && !state.removedAt) push = { kind: 'delete', fields: {}, key: `delete-${membershipId}`, rows: ids }
  } else if (!state.remoteId) {
    push = {
      kind: 'create',
      fields: mapToRemote(local.record, rules.mapping, rules.profile),
      key: `create-${membershipId}-${sequence}`,
      rows: ids,
    }
  } else if (!state.removedAt) {
    // Fields held by an open conflict wait for staff's decision.
    const held = new Set((await tx.memberDatabase.openConflicts(membershipId)).map((c) => c.remoteField))
    const changes = diffRecords(state.base ?? {}, mapToRemote(local.record, rules.mapping, rules.profile)).filter((c) => !held.has(c.field))
    if (changes.length > 0) {
      push = {
        kind: 'update',
        fields: Object.fromEntries(changes.map((c) => [c.field, c.to])),
        key: `update-${membershipId}-${sequence}`,
        rows: ids,
      }
    }
  }
  if (!push) {
    await tx.memberDatabase.markDone(ids, now)
    await tx.memberDatabase.updateMember(membershipId, { failureReason: null })
    return 'settled'
  }
  await tx.memberDatabase.updateMember(membershipId, { inFlight: push, pushSequence: sequence })
  return { push, remoteId: state.remoteId, attempts }
}
