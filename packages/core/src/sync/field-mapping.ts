import type { SyncRecord, SyncValue } from './sync-record'

/**
 * One field that syncs between our record and a remote schema (Feldzuordnung): our name, theirs, and how a value is
 * converted each way (identity when not given). `group` names a set of fields a link can switch off as a whole
 * (bank data in a region that collects centrally).
 */
export interface MappedField {
  readonly local: string
  readonly remote: string
  readonly toRemote?: (value: SyncValue, local: SyncRecord) => SyncValue
  /** Converts the remote value; gets the whole remote record for fallbacks (gender from the title). */
  readonly toLocal?: (value: SyncValue, remote: SyncRecord) => SyncValue
  readonly group?: string
}

/**
 * A mapping is a whitelist: a field that is not listed is neither sent nor overwritten by a pull (the CC e-mail, a
 * third phone number). Listing a field under `neverSync` documents that it stays local on purpose.
 */
export interface FieldMapping {
  readonly fields: readonly MappedField[]
  readonly neverSync?: readonly string[]
}

/** Which groups of a mapping are switched off on one link. */
export interface MappingProfile {
  readonly excludedGroups?: readonly string[]
}

/** The fields of a mapping a link syncs, after its excluded groups. */
export function activeFields(mapping: FieldMapping, profile: MappingProfile = {}): MappedField[] {
  const excluded = new Set(profile.excludedGroups ?? [])
  return mapping.fields.filter((f) => f.group === undefined || !excluded.has(f.group))
}

/** Our local field names a link syncs. */
export function syncedLocalFields(mapping: FieldMapping, profile: MappingProfile = {}): Set<string> {
  return new Set(activeFields(mapping, profile).map((f) => f.local))
}

/** Our record in the remote schema: only the synced fields, converted. */
export function mapToRemote(local: SyncRecord, mapping: FieldMapping, profile: MappingProfile = {}): SyncRecord {
  const out: Record<string, SyncValue> = {}
  for (const field of activeFields(mapping, profile)) {
    const value = local[field.local] ?? null
    const mapped = field.toRemote ? field.toRemote(value, local) : value
    if (mapped !== null) out[field.remote] = mapped
  }
  return out
}

/** A remote record in our schema: only the synced fields, converted; everything else is left out (and kept). */
export function mapToLocal(remote: SyncRecord, mapping: FieldMapping, profile: MappingProfile = {}): SyncRecord {
  const out: Record<string, SyncValue> = {}
  for (const field of activeFields(mapping, profile)) {
    const value = remote[field.remote] ?? null
    const mapped = field.toLocal ? field.toLocal(value, remote) : value
    if (mapped !== null) out[field.local] = mapped
  }
  return out
}

/** Our record restricted to the synced fields: what a three-way merge compares with the mapped remote record. */
export function syncedPart(local: SyncRecord, mapping: FieldMapping, profile: MappingProfile = {}): SyncRecord {
  const out: Record<string, SyncValue> = {}
  for (const field of activeFields(mapping, profile)) {
    const value = local[field.local]
    if (value !== undefined && value !== null) out[field.local] = value
  }
  return out
}

/**
 * A value map with a fallback (Wertezuordnung): `valueMap({ Ja: 'direct-debit' }, 'transfer')` maps `Ja` to direct
 * debit and anything else, empty included, to transfer.
 */
export function valueMap(table: Readonly<Record<string, SyncValue>>, fallback: SyncValue): (value: SyncValue) => SyncValue {
  return (value) => (value !== null && Object.hasOwn(table, String(value)) ? table[String(value)]! : fallback)
}
