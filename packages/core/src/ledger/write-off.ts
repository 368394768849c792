import * as z from 'zod'
import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../contract/scalars'
import type { Cents } from '../money/cents'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import type { OpenItem } from './open-items'

/** Which open receivables to write off (Ausbuchung, mia-operations §6.11). */
export const WriteOffCriteria = z.object({
  /** One receivable account, or all when absent. */
  accountId: z.string().min(1).optional(),
  bookedFrom: CalendarDateSchema.optional(),
  bookedTo: CalendarDateSchema.optional(),
  /** Only items open at most this many cents (residual amounts), when set. */
  maxOpen: z.number().int().min(1).optional(),
  /** Only memberships that have ended. */
  endedMembershipsOnly: z.boolean().default(false),
})
export type WriteOffCriteria = z.infer<typeof WriteOffCriteria>

/** One write-off: a credit of the open amount on the item's own account, allocated to that item. */
export interface PlannedWriteOff {
  readonly debitId: string
  readonly membershipId: string
  readonly accountId: string
  readonly amount: Cents
}

/** The preview of a write-off run: count and total, and the key to apply exactly this. */
export interface WriteOffPlan {
  readonly date: CalendarDate
  readonly idempotencyKey: string
  readonly items: readonly PlannedWriteOff[]
  readonly count: number
  readonly total: Cents
}

/**
 * Plans writing off the open items that meet the criteria, booked today (L429: the date cannot be chosen).
 * Memberships under a processing block are the documented way to exclude someone (L427–L428).
 */
export function planWriteOff(
  openItems: readonly OpenItem[],
  memberships: ReadonlyMap<string, { ended: boolean; processingBlocked: boolean }>,
  criteria: WriteOffCriteria,
  today: CalendarDate,
): WriteOffPlan {
  const items = openItems
    .filter((item) => {
      const membership = memberships.get(item.membershipId)
      if (!membership || membership.processingBlocked) return false
      if (criteria.endedMembershipsOnly && !membership.ended) return false
      if (criteria.accountId && item.accountId !== criteria.accountId) return false
      if (criteria.bookedFrom && compareDates(item.date, criteria.bookedFrom) < 0) return false
      if (criteria.bookedTo && compareDates(item.date, criteria.bookedTo) > 0) return false
      return criteria.maxOpen === undefined || item.open <= criteria.maxOpen
    })
    .map((item) => ({ debitId: item.postingId, membershipId: item.membershipId, accountId: item.accountId, amount: item.open }))
  const total = items.reduce((sum, i) => sum + i.amount, 0)
  return { date: today, idempotencyKey: idempotencyKeyOf('write-off', { today, items }), items, count: items.length, total }
}
