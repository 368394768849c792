import { personFields, type PersonData } from './person'

/**
 * One line of a person's audit log (Protokoll, handbook §11.3 rules 5–6): which field changed, from what to what.
 * Who and when are added by the store that writes it, in the same transaction as the change.
 */
export interface PersonFieldChange {
  readonly field: keyof PersonData
  readonly before: unknown
  readonly after: unknown
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The fields `changes` really change on `before`, in field order; unchanged values write no line. */
export function personFieldChanges(before: PersonData, changes: Partial<PersonData>): PersonFieldChange[] {
  const lines: PersonFieldChange[] = []
  for (const field of personFields) {
    if (!(field in changes) || changes[field] === undefined) continue
    if (!same(before[field], changes[field])) lines.push({ field, before: before[field] ?? null, after: changes[field] ?? null })
  }
  return lines
}

/** A person after `changes`, checked for the name rule by the caller's schema. */
export function applyPersonChanges(before: PersonData, changes: Partial<PersonData>): PersonData {
  const after = { ...before }
  for (const { field, after: value } of personFieldChanges(before, changes)) (after as Record<string, unknown>)[field] = value
  return after
}
