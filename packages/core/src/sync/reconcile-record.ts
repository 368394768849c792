import { diffRecords, type FieldChange } from './change-set'
import type { ChangeTimes, MergePolicy } from './conflict-policy'
import { activeFields, mapToLocal, mapToRemote, syncedPart, type FieldMapping, type MappingProfile } from './field-mapping'
import { mergeDeletion } from './merge-deletion'
import { mergeRecords, type FieldConflict } from './three-way-merge'
import type { SyncRecord } from './sync-record'

/** What to do with one linked record after comparing both sides with the base (Abgleich eines Datensatzes). */
export type Reconciliation =
  | { readonly action: 'none' }
  | { readonly action: 'create-remote'; readonly payload: SyncRecord }
  | { readonly action: 'create-local'; readonly record: SyncRecord }
  | { readonly action: 'delete-remote'; readonly editLost: boolean }
  | { readonly action: 'delete-local'; readonly editLost: boolean }
  | {
      readonly action: 'merge'
      /** Changes to our record, in our field names. */
      readonly toLocal: readonly FieldChange[]
      /** Changes to send, in the remote field names. */
      readonly toRemote: readonly FieldChange[]
      /** Conflicts, in our field names. */
      readonly conflicts: readonly FieldConflict[]
      /** The base to store for the next comparison (remote terms). */
      readonly nextBase: SyncRecord
    }
  | { readonly action: 'deletion-conflict'; readonly deletedOn: 'local' | 'remote' }

/** One record on both sides and the base snapshot. `undefined` means "not there" (deleted, or never created). */
export interface ReconcileInput {
  readonly local: SyncRecord | undefined
  readonly remote: SyncRecord | undefined
  /** The last state both sides agreed on, in the remote schema; undefined when the record was never synced. */
  readonly base: SyncRecord | undefined
  readonly mapping: FieldMapping
  readonly profile?: MappingProfile
  readonly policy: MergePolicy
  readonly localTimes?: ChangeTimes
  readonly remoteTimes?: ChangeTimes
}

/**
 * Compares a record across a link. The merge runs in the remote schema, with our record mapped into it, so a value
 * the mapping cannot carry back (cash becomes `Nein`) is no change as long as the remote side leaves it alone; only
 * fields the remote side really changed come back to us (converted into our names and values).
 */
export function reconcileRecord(input: ReconcileInput): Reconciliation {
  const { local, remote, base, mapping, profile, policy } = input
  if (local === undefined && remote === undefined) return { action: 'none' }
  if (base === undefined) {
    if (remote === undefined) return { action: 'create-remote', payload: mapToRemote(local!, mapping, profile) }
    if (local === undefined) return { action: 'create-local', record: mapToLocal(remote, mapping, profile) }
  }
  if (local === undefined || remote === undefined) {
    const deletedOn = local === undefined ? 'local' : 'remote'
    const survivor = local === undefined ? remote : mapToRemote(local, mapping, profile)
    const outcome = mergeDeletion({ deletedOn, base, survivor, policy })
    if (outcome.action === 'conflict') return { action: 'deletion-conflict', deletedOn }
    if (outcome.action === 'none') return { action: 'none' }
    return outcome.side === 'remote'
      ? { action: 'delete-remote', editLost: outcome.editLost }
      : { action: 'delete-local', editLost: outcome.editLost }
  }
  const localAsRemote = mapToRemote(local, mapping, profile)
  const result = mergeRecords({
    base: base ?? {},
    local: localAsRemote,
    remote: onlyMapped(remote, mapping, profile),
    policy: renamePolicy(policy, mapping),
    localTimes: renameTimes(input.localTimes, mapping),
    remoteTimes: input.remoteTimes,
  })
  const remoteToLocal = new Map(mapping.fields.map((f) => [f.remote, f.local]))
  const changedForUs = new Set(result.toLocal.map((c) => remoteToLocal.get(c.field)))
  const target = mapToLocal(result.merged, mapping, profile)
  const toLocal = diffRecords(syncedPart(local, mapping, profile), target).filter((c) => changedForUs.has(c.field))
  const conflicts = result.conflicts.map((c) => ({ ...c, field: remoteToLocal.get(c.field) ?? c.field }))
  if (
    toLocal.length === 0 &&
    result.toRemote.length === 0 &&
    conflicts.length === 0 &&
    base !== undefined &&
    sameKeys(base, result.nextBase)
  ) {
    return { action: 'none' }
  }
  return { action: 'merge', toLocal, toRemote: result.toRemote, conflicts, nextBase: result.nextBase }
}

/**
 * The remote record as the remote side sent it, restricted to the synced fields: the base to store after a
 * `create-local`, and what the merge compares (converting it through our values would make `Nein` and an empty
 * flag the same thing).
 */
export function remoteSyncedPart(remote: SyncRecord, mapping: FieldMapping, profile?: MappingProfile): SyncRecord {
  return onlyMapped(remote, mapping, profile)
}

function onlyMapped(remote: SyncRecord, mapping: FieldMapping, profile?: MappingProfile): SyncRecord {
  const out: Record<string, SyncRecord[string]> = {}
  for (const f of activeFields(mapping, profile)) {
    const value = remote[f.remote]
    if (value !== undefined && value !== null) out[f.remote] = value
  }
  return out
}

function renamePolicy(policy: MergePolicy, mapping: FieldMapping): MergePolicy {
  if (!policy.fields) return policy
  const fields: Record<string, MergePolicy['defaultRule']> = {}
  for (const f of mapping.fields) if (policy.fields[f.local]) fields[f.remote] = policy.fields[f.local]!
  return { ...policy, fields }
}

function renameTimes(times: ChangeTimes | undefined, mapping: FieldMapping): ChangeTimes | undefined {
  if (!times?.fieldChangedAt) return times
  const fieldChangedAt: Record<string, string> = {}
  for (const f of mapping.fields) if (times.fieldChangedAt[f.local]) fieldChangedAt[f.remote] = times.fieldChangedAt[f.local]!
  return { ...times, fieldChangedAt }
}

function sameKeys(a: SyncRecord, b: SyncRecord): boolean {
  return diffRecords(a, b).length === 0
}
