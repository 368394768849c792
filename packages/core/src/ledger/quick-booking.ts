import * as z from 'zod'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { AmountSchema } from '../money/amount-schema'
import { ValidationError, type FieldIssue } from '../errors/vereinskit-error'

/** Quick booking (Schnellbuchung): many postings on one account with one text, entered by membership number. */
export const QuickBooking = z.object({
  accountId: z.string().min(1),
  text: z.string().trim().min(1).max(140),
  documentNumber: z.string().trim().max(35).optional(),
  date: CalendarDateSchema,
  entries: z
    .array(
      z.object({
        membershipNumber: z.number().int(),
        amount: AmountSchema.refine((a) => a !== 0, { message: 'The amount must not be zero.' }),
      }),
    )
    .min(1)
    .max(5000),
})
export type QuickBooking = z.infer<typeof QuickBooking>

/**
 * Resolves every membership number before anything is booked; unknown numbers are all reported at once, naming
 * the line, and nothing is booked.
 */
export function resolveQuickBooking(
  booking: QuickBooking,
  membershipIdByNumber: ReadonlyMap<number, string>,
): { membershipId: string; amount: number }[] {
  const issues: FieldIssue[] = []
  const resolved = booking.entries.map((entry, index) => {
    const membershipId = membershipIdByNumber.get(entry.membershipNumber)
    if (!membershipId) {
      issues.push({
        path: `entries.${index}.membershipNumber`,
        code: 'unknown-membership-number',
        message: `No membership has number ${entry.membershipNumber}.`,
      })
    }
    return { membershipId: membershipId ?? '', amount: entry.amount }
  })
  if (issues.length > 0) throw new ValidationError(issues)
  return resolved
}
