/**
 * A record as the sync engine sees it (Datensatz): a flat map of field names to plain values. Nested data (an
 * address) is flattened into fields of its own (`street`, `postcode`) by the field mapping, so every change is a
 * change of one field and two records compare field by field.
 */
export type SyncValue = string | number | boolean | null

/** A record's fields. A missing field and a `null` field are the same: "no value". */
export type SyncRecord = Readonly<Record<string, SyncValue>>

/** Two field values are the same when both are "no value" or strictly equal. */
export function sameValue(a: SyncValue | undefined, b: SyncValue | undefined): boolean {
  return (a ?? null) === (b ?? null)
}

/** The value of a field, `null` when absent. */
export function valueOf(record: SyncRecord, field: string): SyncValue {
  return record[field] ?? null
}

/** The fields of one or more records, in a stable order (first appearance). */
export function fieldsOf(...records: readonly SyncRecord[]): string[] {
  const seen = new Set<string>()
  for (const record of records) for (const field of Object.keys(record)) seen.add(field)
  return [...seen]
}

/** The record without fields that hold no value, so records that differ only in absent vs null compare equal. */
export function normalRecord(record: SyncRecord): SyncRecord {
  const out: Record<string, SyncValue> = {}
  for (const [field, value] of Object.entries(record)) if (value !== null && value !== undefined) out[field] = value
  return out
}

/** Do two records hold the same values in every field? */
export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  return fieldsOf(a, b).every((field) => sameValue(a[field], b[field]))
}

/**
 * A short fingerprint of a record's values (FNV-1a over the sorted fields), stored per link so a pull can tell
 * whether a record changed since it was last seen without keeping a copy of it.
 */
export function fingerprintOf(record: SyncRecord): string {
  let hash = 0x811c9dc5
  const fields = Object.keys(normalRecord(record)).sort()
  for (const field of fields) {
    const text = `${field}\u0000${typeof record[field]}:${String(record[field])}\u0001`
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
  }
  return hash.toString(16).padStart(8, '0')
}
