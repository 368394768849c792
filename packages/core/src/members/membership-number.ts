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
 * The next membership number: one above the highest number already used inside the range, or the range start.
 * Numbers outside the range (imported or typed by hand) do not move it.
 */
export function nextMembershipNumber(range: MembershipNumberRange, highestUsedInRange: number | undefined): number {
  const next = highestUsedInRange === undefined ? range.from : Math.max(range.from, highestUsedInRange + 1)
  if (next > range.to) throw new MembershipNumberRangeExhaustedError(range)
  return next
}
