import { VereinskitError } from '@vereinskit/core'
import type { HandlerContext } from '../../http/route-handler'
import { applyLocalChanges, loadLocalMember } from './member-sync-record'
import type { SyncConflictRecord } from './member-database-store'

/** A conflict as the API shows it. */
export function conflictView(c: SyncConflictRecord) {
  return {
    id: c.id,
    membershipId: c.membershipId,
    field: c.field,
    baseValue: c.baseValue ?? null,
    localValue: c.localValue ?? null,
    remoteValue: c.remoteValue ?? null,
    createdAt: c.createdAt.toISOString(),
  }
}

/**
 * Settles a conflict (policy manual): keeping ours queues a push of the field (the dispatcher held it back while
 * the conflict was open); taking theirs sets our field to the remote value. Either way nothing else changes.
 */
export async function decideConflict(context: HandlerContext, conflictId: string, keep: 'local' | 'remote'): Promise<SyncConflictRecord> {
  return context.storage.transaction(async (tx) => {
    const decided = await tx.memberDatabase.decideConflict(conflictId, keep, context.clock.now())
    if (!decided) throw new VereinskitError('SYNC_CONFLICT_NOT_FOUND', `Conflict ${conflictId} does not exist or has been decided.`)
    if (keep === 'remote') {
      const member = await loadLocalMember(tx, decided.membershipId)
      if (member) {
        await applyLocalChanges(
          tx,
          decided.membershipId,
          member,
          [{ field: decided.field, from: decided.localValue ?? null, to: decided.remoteValue ?? null }],
          {
            actor: context.actor,
            at: context.clock.now(),
          },
        )
      }
    }
    await tx.memberDatabase.enqueue(decided.membershipId)
    return decided
  })
}
