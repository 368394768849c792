import * as z from 'zod'
import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import type { Cents } from '../money/cents'
import { VereinskitError } from '../errors/vereinskit-error'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import { runPlan, type RunPlan } from '../runs/run-plan'
import type { OpenItem } from './open-items'

/** Which open receivables to write off (Ausbuchung, handbook §6.11). */
export const WriteOffCriteria = z.strictObject({
  /** One receivable account (e.g. dunning costs), or all when absent. */
  accountId: z.string().min(1).optional(),
  /** The period the items were booked in (Zeitraum). */
  bookedFrom: CalendarDateSchema.optional(),
  bookedTo: CalendarDateSchema.optional(),
  /**
   * The balance amount (Saldobetrag): only members whose whole open balance — open items less credit not yet
   * allocated (docs/decisions/0000#d2) — is at most this many cents; for writing off residual amounts (Restbeträge).
   */
  maxOpen: z.number().int().min(1).max(1_000_000_000).optional(),
  /** The status of the membership today: any, still active, or ended (left before today). */
  membershipStatus: z.enum(['any', 'active', 'ended']).default('any'),
  /** Only memberships at one of these dunning levels (Mahnstufen). */
  dunningLevels: z.array(z.number().int().min(1).max(99)).min(1).max(99).optional(),
  /** With (true) or without (false) the court-procedure marker (Mahnverfahren / Mahnbescheid). */
  courtProcedure: z.boolean().optional(),
})
export type WriteOffCriteria = z.infer<typeof WriteOffCriteria>

/** A membership as the write-off sees it. */
export interface WriteOffMembership {
  /** `ended` once the leaving date lies before today. */
  readonly status: 'active' | 'ended'
  readonly processingBlocked: boolean
  /** Credit on the member account not yet allocated; it lowers the open balance. */
  readonly unallocatedCredit: Cents
  /** The dunning level (Mahnstufe), if any; absent where dunning is not used. */
  readonly dunningLevel?: number | null
  readonly courtProcedure?: boolean
}

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
 * Plans writing off the open items that meet the criteria, booked today (handbook §6.11 Ausbuchung: the date cannot be chosen). The
 * balance amount is judged per member, against the member's open balance (handbook §6.11 Ausbuchung), never per item: a member owing
 * 96,00 € in two items of 48,00 € is not a residual case for a 50,00 € threshold. Memberships under a processing
 * block are the documented way to exclude someone (handbook §6.11 Ausbuchung). @see docs/decisions/0009-write-off-by-balance.md
 */
export function planWriteOff(
  openItems: readonly OpenItem[],
  memberships: ReadonlyMap<string, WriteOffMembership>,
  criteria: WriteOffCriteria,
  today: CalendarDate,
): WriteOffPlan {
  if (criteria.bookedFrom && criteria.bookedTo && compareDates(criteria.bookedFrom, criteria.bookedTo) > 0) {
    throw new VereinskitError(
      'INVALID_RANGE',
      `The booking period starts on ${criteria.bookedFrom}, after it ends on ${criteria.bookedTo}.`,
    )
  }
  const openByMember = new Map<string, Cents>()
  for (const item of openItems) {
    if (item.side === 'debit') openByMember.set(item.membershipId, (openByMember.get(item.membershipId) ?? 0) + item.open)
  }
  const items = openItems
    .filter((item) => {
      if (item.side !== 'debit') return false
      const membership = memberships.get(item.membershipId)
      if (!membership || membership.processingBlocked) return false
      if (criteria.membershipStatus !== 'any' && membership.status !== criteria.membershipStatus) return false
      if (criteria.dunningLevels && !criteria.dunningLevels.includes(membership.dunningLevel ?? -1)) return false
      if (criteria.courtProcedure !== undefined && (membership.courtProcedure ?? false) !== criteria.courtProcedure) return false
      const balance = (openByMember.get(item.membershipId) ?? 0) - membership.unallocatedCredit
      if (balance <= 0) return false // credit waiting for allocation covers it: nothing is owed
      if (criteria.maxOpen !== undefined && balance > criteria.maxOpen) return false
      if (criteria.accountId && item.accountId !== criteria.accountId) return false
      if (criteria.bookedFrom && compareDates(item.date, criteria.bookedFrom) < 0) return false
      return !criteria.bookedTo || compareDates(item.date, criteria.bookedTo) <= 0
    })
    .map((item) => ({ debitId: item.postingId, membershipId: item.membershipId, accountId: item.accountId, amount: item.open }))
  const total = items.reduce((sum, i) => sum + i.amount, 0)
  return { date: today, idempotencyKey: idempotencyKeyOf('write-off', { today, items }), items, count: items.length, total }
}

/** What an applied write-off (Ausbuchung) reports. */
export interface WriteOffSummary {
  readonly count: number
  readonly total: Cents
}

/** A write-off in the common run shape: not reversible as a run; single write-offs are reversed as postings. */
export function writeOffRunPlanOf(plan: WriteOffPlan): RunPlan<'write-off', WriteOffSummary> {
  return runPlan({
    kind: 'write-off',
    idempotencyKey: plan.idempotencyKey,
    asOf: plan.date,
    summary: { count: plan.count, total: plan.total },
    reversal: 'none',
  })
}
