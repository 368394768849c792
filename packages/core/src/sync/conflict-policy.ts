/** The two sides of a sync link: our record and the other system's (or, in an umbrella, the child and the parent). */
export type SyncSide = 'local' | 'remote'

/**
 * What happens when both sides changed one field since the last sync (Konfliktregel):
 * - `owner-wins`: the field's owner's value is kept;
 * - `newest-wins`: the later change is kept (the owner's on a tie or when a time is unknown);
 * - `manual`: nothing is changed on either side and the conflict waits for a person to decide.
 */
export type ConflictPolicy = 'owner-wins' | 'newest-wins' | 'manual'

/**
 * How one field syncs (Feldhoheit):
 * - `owner`: the side that owns the field; it decides `owner-wins` conflicts and ties;
 * - `flow`: `both` (either side's change is taken) or `owner-only` (only the owner may change the field: a change on
 *   the other side is undone by the owner's value, as a parent's locked field in a child).
 */
export interface FieldRule {
  readonly policy: ConflictPolicy
  readonly owner: SyncSide
  readonly flow: 'both' | 'owner-only'
}

/** The rules of a link: one default, and overrides per field. */
export interface MergePolicy {
  readonly defaultRule: FieldRule
  readonly fields?: Readonly<Record<string, FieldRule>>
  /** A deletion on one side while the other side edited the record: `propagate` (the deletion wins) or `manual`. */
  readonly deletions?: 'propagate' | 'manual'
}

/** The rule that applies to one field. */
export function ruleFor(policy: MergePolicy, field: string): FieldRule {
  return policy.fields?.[field] ?? policy.defaultRule
}

/** A policy with one rule for every field. */
export function uniformPolicy(rule: Partial<FieldRule> = {}): MergePolicy {
  return { defaultRule: { policy: 'owner-wins', owner: 'local', flow: 'both', ...rule } }
}

/** The other side. */
export function otherSide(side: SyncSide): SyncSide {
  return side === 'local' ? 'remote' : 'local'
}

/**
 * When each side last changed the record or a field: ISO instants (`2026-03-01T10:00:00Z`), compared as instants.
 * A per-field time wins over the record's time.
 */
export interface ChangeTimes {
  readonly recordChangedAt?: string
  readonly fieldChangedAt?: Readonly<Record<string, string>>
}

/** The instant one side changed `field`, in milliseconds, or undefined when unknown. */
export function changedAt(times: ChangeTimes | undefined, field: string): number | undefined {
  const text = times?.fieldChangedAt?.[field] ?? times?.recordChangedAt
  if (text === undefined) return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : ms
}
