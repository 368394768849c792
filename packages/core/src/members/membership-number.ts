import * as z from 'zod'
import { VereinskitError } from '../errors/vereinskit-error'

/** The range membership numbers (Mitgliedsnummern) of an organisation are drawn from, both ends inclusive. */
export const MembershipNumberRange = z
  .object({ from: z.number().int().min(1), to: z.number().int().max(Number.MAX_SAFE_INTEGER) })
  .refine((r) => r.from <= r.to, { message: 'The range must not end before it starts.', path: ['to'] })
export type MembershipNumberRange = z.infer<typeof MembershipNumberRange>

/** Refusal when every number of the range is taken. */
export class MembershipNumberRangeExhaustedError extends VereinskitError {
  override name = 'MembershipNumberRangeExhaustedError'
  constructor(readonly range: MembershipNumberRange) {
    super(
      'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED',
      `All membership numbers from ${range.from} to ${range.to} are used; widen the range in the club settings.`,
    )
  }
}

/**
 * The next membership number: the next free number in sequence (nächste freie laufende Nummer, handbook §11.6 Mitgliedschaft) — the lowest
 * number from the range start on that no membership holds. A number imported at the top of the range, or anywhere
 * in it, does not move the sequence; the range is used up only when every number in it is taken.
 * `lowestFreeFromStart` is that lowest free number as storage found it (it may lie beyond the range).
 */
export function nextMembershipNumber(range: MembershipNumberRange, lowestFreeFromStart: number): number {
  const next = Math.max(range.from, lowestFreeFromStart)
  if (next > range.to) throw new MembershipNumberRangeExhaustedError(range)
  return next
}

/** The lowest number ≥ `from` not in `taken` — what storage answers for `nextMembershipNumber`, as a reference. */
export function lowestFreeNumber(from: number, taken: Iterable<number>): number {
  const used = new Set(taken)
  let n = from
  while (used.has(n)) n += 1
  return n
}
