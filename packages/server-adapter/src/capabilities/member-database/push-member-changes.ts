import { diffRecords, fingerprintOf, mapToRemote, retryDelaySeconds, type SyncRecord } from '@vereinskit/core/sync'
import type { Clock } from '../../clock'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { connectorFor, linkRules, type MemberDatabaseIntegration } from './member-database-integration'
import type { MemberDatabaseConnector } from './member-database-connector'
import { loadLocalMember } from './member-sync-record'

/**
 * The outbox dispatcher (MIDA-02, MIDA-04, MIDA-07, MIDA-08): takes the memberships with due outbox rows and, for each
 * under its state row's lock (another instance skips it), sends what the remote side lacks — a create, the changed
 * fields since the base, or a delete — with an idempotency key derived from what is sent, so a repeat after a lost
 * answer is applied once. Success marks the rows done and moves the base; a failure keeps them with a backoff and
 * shows the reason in the member's status. Answers how many memberships were settled.
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
    settled += await storage.transaction((tx) => pushOne(tx, membershipId, connector, rules, clock))
  }
  return settled
}

async function pushOne(
  tx: OrganisationStorage,
  membershipId: string,
  connector: MemberDatabaseConnector,
  rules: ReturnType<typeof linkRules>,
  clock: Clock,
): Promise<number> {
  const state = await tx.memberDatabase.lockMember(membershipId)
  if (!state) return 0
  const now = clock.now()
  const due = await tx.memberDatabase.dueChanges(membershipId, now)
  if (due.length === 0) return 0
  const ids = due.map((d) => d.id)
  if (state.mode === 'local-only') {
    await tx.memberDatabase.markDone(ids, now)
    return 1
  }
  const local = await loadLocalMember(tx, membershipId)
  try {
    if (!local || local.deleted) {
      if (state.remoteId && !state.removedAt) await connector.remove(state.remoteId, `delete-${membershipId}`)
      await tx.memberDatabase.updateMember(membershipId, { removedAt: now, base: null, failureReason: null, transferredAt: now })
    } else if (!state.remoteId) {
      const payload = mapToRemote(local.record, rules.mapping, rules.profile)
      const { remoteId } = await connector.create(payload, `create-${membershipId}`)
      await tx.memberDatabase.updateMember(membershipId, {
        remoteId,
        base: payload,
        failureReason: null,
        transferredAt: now,
        removedAt: null,
      })
    } else if (!state.removedAt) {
      const base = state.base ?? {}
      const held = new Set((await tx.memberDatabase.openConflicts(membershipId)).map((c) => c.remoteField))
      const target = mapToRemote(local.record, rules.mapping, rules.profile)
      const changes = diffRecords(base, target).filter((c) => !held.has(c.field))
      if (changes.length > 0) {
        const fields: Record<string, SyncRecord[string]> = Object.fromEntries(changes.map((c) => [c.field, c.to]))
        await connector.update(state.remoteId, fields, `update-${membershipId}-${fingerprintOf(base)}-${fingerprintOf(fields)}`)
        const next: Record<string, SyncRecord[string]> = { ...base }
        for (const c of changes)
          if (c.to === null) delete next[c.field]
          else next[c.field] = c.to
        await tx.memberDatabase.updateMember(membershipId, { base: next, failureReason: null, transferredAt: now })
      } else await tx.memberDatabase.updateMember(membershipId, { failureReason: null })
    }
    await tx.memberDatabase.markDone(ids, now)
    return 1
  } catch (error) {
    const attempts = Math.max(...due.map((d) => d.attempts)) + 1
    const reason = error instanceof Error ? error.message : String(error)
    await tx.memberDatabase.markFailed(ids, reason, new Date(now.getTime() + retryDelaySeconds(attempts, Math.random()) * 1000))
    await tx.memberDatabase.updateMember(membershipId, { failureReason: reason })
    return 0
  }
}
