import type { MergePolicy, SyncSide } from './conflict-policy'
import { sameRecord, type SyncRecord } from './sync-record'

/** What happens to a record one side deleted (Löschung abgleichen). */
export type DeletionOutcome =
  /** Delete it on the other side too. */
  | { readonly action: 'delete'; readonly side: SyncSide; readonly editLost: boolean }
  /** Keep it: the other side edited it since the base and the policy says a person decides. */
  | { readonly action: 'conflict'; readonly side: SyncSide }
  /** Nothing to do: it is gone on both sides, or was never shared. */
  | { readonly action: 'none' }

/**
 * Merges a deletion against the other side's record. `deletedOn` is the side that deleted; `survivor` is the other
 * side's current record (undefined when it is gone too); `base` the last agreed state. The deletion propagates
 * unless the survivor was edited since the base and the policy asks for a manual decision; an edit overridden by a
 * deletion is reported (`editLost`), never dropped silently.
 */
export function mergeDeletion(input: {
  readonly deletedOn: SyncSide
  readonly base: SyncRecord | undefined
  readonly survivor: SyncRecord | undefined
  readonly policy: MergePolicy
}): DeletionOutcome {
  const { deletedOn, base, survivor, policy } = input
  if (survivor === undefined) return { action: 'none' }
  const side: SyncSide = deletedOn === 'local' ? 'remote' : 'local'
  const edited = base === undefined || !sameRecord(base, survivor)
  if (edited && policy.deletions === 'manual') return { action: 'conflict', side }
  return { action: 'delete', side, editLost: edited }
}

/**
 * The deletions a full pull reveals (MIDA-14): every linked remote id that the remote listing no longer holds.
 * Records that were never linked (local-only members) are not candidates, since they are absent by design.
 */
export function missingRemoteIds(linkedRemoteIds: Iterable<string>, listedRemoteIds: ReadonlySet<string>): string[] {
  const missing: string[] = []
  for (const id of linkedRemoteIds) if (!listedRemoteIds.has(id)) missing.push(id)
  return missing
}
