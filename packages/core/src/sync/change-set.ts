import { fieldsOf, sameValue, valueOf, type SyncRecord, type SyncValue } from './sync-record'

/** One field's change: what it was and what it becomes (Feldänderung). */
export interface FieldChange {
  readonly field: string
  readonly from: SyncValue
  readonly to: SyncValue
}

/**
 * The changes of one record (Änderungssatz): field changes, or a tombstone when the record was deleted. A change set
 * states target values, not operations, so applying it twice gives what applying it once gives.
 */
export type ChangeSet =
  | { readonly kind: 'update'; readonly recordId: string; readonly changes: readonly FieldChange[] }
  | { readonly kind: 'create'; readonly recordId: string; readonly record: SyncRecord }
  | Tombstone

/** A deletion (Löschvermerk): kept so the other side learns of it, instead of the record just disappearing. */
export interface Tombstone {
  readonly kind: 'delete'
  readonly recordId: string
}

/** The field-level difference between two versions of one record: every field whose value differs. */
export function diffRecords(before: SyncRecord, after: SyncRecord): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of fieldsOf(before, after)) {
    const from = valueOf(before, field)
    const to = valueOf(after, field)
    if (!sameValue(from, to)) changes.push({ field, from, to })
  }
  return changes
}

/** The change set that turns `before` into `after` (no change set when they are equal). */
export function changeSetOf(recordId: string, before: SyncRecord, after: SyncRecord): ChangeSet | undefined {
  const changes = diffRecords(before, after)
  return changes.length === 0 ? undefined : { kind: 'update', recordId, changes }
}

/**
 * Applies field changes to a record: each field takes its target value. Idempotent by construction; fields the
 * change set does not name are kept.
 */
export function applyChanges(record: SyncRecord, changes: readonly FieldChange[]): SyncRecord {
  if (changes.length === 0) return record
  const out: Record<string, SyncValue> = { ...record }
  for (const change of changes) {
    if (change.to === null) delete out[change.field]
    else out[change.field] = change.to
  }
  return out
}

/**
 * Applies a change set to a record that may not exist (`undefined`): a create sets the record (again, when it
 * already exists: the create's values win), an update changes fields of an existing record and does nothing to a
 * missing one (it was deleted meanwhile), a tombstone removes the record.
 */
export function applyChangeSet(record: SyncRecord | undefined, changeSet: ChangeSet): SyncRecord | undefined {
  switch (changeSet.kind) {
    case 'create':
      return record === undefined ? changeSet.record : applyChanges(record, diffRecords(record, changeSet.record))
    case 'update':
      return record === undefined ? undefined : applyChanges(record, changeSet.changes)
    case 'delete':
      return undefined
  }
}

/** The fields a change set touches (all of a created record's fields). */
export function changedFields(changeSet: ChangeSet): string[] {
  switch (changeSet.kind) {
    case 'create':
      return Object.keys(changeSet.record)
    case 'update':
      return changeSet.changes.map((c) => c.field)
    case 'delete':
      return []
  }
}

/** Keeps only the changes of the given fields (the fields a link syncs). */
export function restrictChanges(changes: readonly FieldChange[], fields: ReadonlySet<string>): FieldChange[] {
  return changes.filter((c) => fields.has(c.field))
}
