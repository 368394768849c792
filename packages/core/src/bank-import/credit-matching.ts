/** The outcome of looking for a membership number in a credit's remittance text. */
export type CreditMatch =
  | { readonly outcome: 'matched'; readonly membershipNumber: number }
  /** No value found: left for manual assignment. */
  | { readonly outcome: 'none' }
  /** Several distinct values: the import cannot decide (handbook §6.7). */
  | { readonly outcome: 'ambiguous'; readonly candidates: readonly string[] }
  /** One value, but no membership has that number. */
  | { readonly outcome: 'unknown-number'; readonly candidates: readonly string[] }

/** GSRegExp and GSRegExpMNr as compiled patterns. */
export interface CreditPatterns {
  readonly pattern: string
  readonly numberPattern: string | null
}

/**
 * Finds the membership number in a remittance text (docs/decisions/0000#d16): `GSRegExp` is searched unanchored
 * and every non-overlapping match collected; `GSRegExpMNr`, when set, is applied to each match and its leftmost
 * match kept (a match where it finds nothing yields nothing). Only when exactly one **distinct** value results,
 * and it is an existing membership number, is the credit booked automatically. Values compare as numbers, so
 * `012345` and `12345` are one value.
 */
export function matchMembershipNumber(text: string, patterns: CreditPatterns, exists: (membershipNumber: number) => boolean): CreditMatch {
  const outer = new RegExp(patterns.pattern, 'g')
  const inner = patterns.numberPattern === null ? null : new RegExp(patterns.numberPattern)
  const values = new Set<string>()
  for (const match of text.matchAll(outer)) {
    if (match[0] === '') continue
    const value = inner === null ? match[0] : inner.exec(match[0])?.[0]
    if (value === undefined || value === '') continue
    values.add(/^\d+$/.test(value) ? String(Number(value)) : value)
  }
  const candidates = [...values]
  if (candidates.length === 0) return { outcome: 'none' }
  if (candidates.length > 1) return { outcome: 'ambiguous', candidates }
  const [only] = candidates as [string]
  const number = /^\d+$/.test(only) ? Number(only) : NaN
  if (!Number.isSafeInteger(number) || !exists(number)) return { outcome: 'unknown-number', candidates }
  return { outcome: 'matched', membershipNumber: number }
}
