import type { FieldChange } from './change-set'
import { changedAt, ruleFor, type ChangeTimes, type MergePolicy, type SyncSide } from './conflict-policy'
import { fieldsOf, sameValue, valueOf, type SyncRecord, type SyncValue } from './sync-record'

/** A field both sides changed to different values since the base (Konflikt). */
export interface FieldConflict {
  readonly field: string
  readonly base: SyncValue
  readonly local: SyncValue
  readonly remote: SyncValue
  /** Whose value was kept, or `pending` when a person has to decide (policy `manual`). */
  readonly resolution: SyncSide | 'pending'
}

/** What a three-way merge decided. */
export interface MergeResult {
  /** The record both sides agree on after the merge (a pending conflict keeps the local value here). */
  readonly merged: SyncRecord
  /** Changes to apply to our record. */
  readonly toLocal: readonly FieldChange[]
  /** Changes to send to the other side. */
  readonly toRemote: readonly FieldChange[]
  readonly conflicts: readonly FieldConflict[]
  /** Changes refused because only the field's owner may make them (they are undone by `toLocal`/`toRemote`). */
  readonly refused: readonly { readonly field: string; readonly side: SyncSide; readonly value: SyncValue }[]
  /**
   * The base snapshot for the next merge: the merged values, except that a pending conflict keeps its base value so
   * it is still a conflict next time (and is not silently settled by the next sync).
   */
  readonly nextBase: SyncRecord
}

/** What a merge compares. `base` is the last state both sides agreed on (Basisstand). */
export interface MergeInput {
  readonly base: SyncRecord
  readonly local: SyncRecord
  readonly remote: SyncRecord
  readonly policy: MergePolicy
  readonly localTimes?: ChangeTimes
  readonly remoteTimes?: ChangeTimes
}

/**
 * The three-way merge of one record (Drei-Wege-Abgleich): a field changed on one side only takes that change; a
 * field changed on both sides to the same value is settled; a field changed on both sides to different values is a
 * conflict decided by the field's rule. Nothing is lost silently: every conflict is reported with both values.
 */
export function mergeRecords(input: MergeInput): MergeResult {
  const { base, local, remote, policy } = input
  const merged: Record<string, SyncValue> = {}
  const nextBase: Record<string, SyncValue> = {}
  const toLocal: FieldChange[] = []
  const toRemote: FieldChange[] = []
  const conflicts: FieldConflict[] = []
  const refused: { field: string; side: SyncSide; value: SyncValue }[] = []

  for (const field of fieldsOf(base, local, remote)) {
    const b = valueOf(base, field)
    const l = valueOf(local, field)
    const r = valueOf(remote, field)
    const rule = ruleFor(policy, field)
    const localChanged = !sameValue(b, l)
    const remoteChanged = !sameValue(b, r)
    let value: SyncValue
    let baseValue: SyncValue | undefined
    if (sameValue(l, r)) value = l
    else if (rule.flow === 'owner-only') {
      // Only the owner's value counts; a change by the other side is refused and undone.
      value = rule.owner === 'local' ? l : r
      const other = rule.owner === 'local' ? r : l
      if (rule.owner === 'local' ? remoteChanged : localChanged)
        refused.push({ field, side: rule.owner === 'local' ? 'remote' : 'local', value: other })
    } else if (localChanged && !remoteChanged) value = l
    else if (remoteChanged && !localChanged) value = r
    else {
      const winner = decide(rule.policy, rule.owner, changedAt(input.localTimes, field), changedAt(input.remoteTimes, field))
      conflicts.push({ field, base: b, local: l, remote: r, resolution: winner })
      if (winner === 'pending') {
        value = l
        baseValue = b
      } else value = winner === 'local' ? l : r
    }
    const pending = baseValue !== undefined
    if (!pending && !sameValue(l, value)) toLocal.push({ field, from: l, to: value })
    if (!pending && !sameValue(r, value)) toRemote.push({ field, from: r, to: value })
    if (value !== null) merged[field] = value
    const next = pending ? baseValue : value
    if (next !== null && next !== undefined) nextBase[field] = next
  }
  return { merged, toLocal, toRemote, conflicts, refused, nextBase }
}

function decide(policy: MergePolicy['defaultRule']['policy'], owner: SyncSide, localAt?: number, remoteAt?: number): SyncSide | 'pending' {
  if (policy === 'manual') return 'pending'
  if (policy === 'newest-wins' && localAt !== undefined && remoteAt !== undefined && localAt !== remoteAt) {
    return localAt > remoteAt ? 'local' : 'remote'
  }
  return owner
}

/** The changes that settle a pending conflict with the chosen side's value (Konflikt entscheiden). */
export function resolveConflict(
  conflict: FieldConflict,
  choice: SyncSide,
): { toLocal: FieldChange[]; toRemote: FieldChange[]; value: SyncValue } {
  const value = choice === 'local' ? conflict.local : conflict.remote
  return {
    value,
    toLocal: sameValue(conflict.local, value) ? [] : [{ field: conflict.field, from: conflict.local, to: value }],
    toRemote: sameValue(conflict.remote, value) ? [] : [{ field: conflict.field, from: conflict.remote, to: value }],
  }
}
