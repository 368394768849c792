import { compareDates, dateParts, type CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import type { Account } from './account'
import type { FeeAssignment } from './assignment'
import { isFeeClassValidOn, type FeeClass } from './fee-class'
import { instalmentsForYear } from './instalments'
import type { PaymentPlan } from './payment-plan'

/** A membership as the charge run sees it. */
export interface ChargeableMembership {
  readonly id: string
  readonly number: number
  readonly joinedOn: CalendarDate
  /** Last day of membership; `null` while it lasts. */
  readonly endsOn: CalendarDate | null
  /** Verarbeitungssperre: left out of every run. */
  readonly processingBlocked: boolean
  readonly assignments: readonly FeeAssignment[]
}

/** How much has been charged so far for one assignment in one calendar year (all charge postings, reversed ones too). */
export interface ChargedYear {
  readonly assignmentId: string
  readonly year: number
  readonly amount: Cents
}

/** Everything a charge run is planned from. */
export interface ChargeRunInput {
  readonly asOf: CalendarDate
  readonly memberships: readonly ChargeableMembership[]
  readonly feeClasses: readonly FeeClass[]
  readonly plans: readonly PaymentPlan[]
  readonly accounts: readonly Account[]
  readonly charged: readonly ChargedYear[]
}

/** One charge (Sollstellung) the run will post: a debit of `amount` cents on `date`. */
export interface PlannedCharge {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly assignmentId: string
  readonly feeClassId: string
  readonly accountId: string
  readonly date: CalendarDate
  /** Positive cents; posted as a debit (negative). */
  readonly amount: Cents
  readonly text: string
  readonly year: number
  /**
   * Unique per (assignment, year, cumulative amount reached): storage refuses a second posting with the same key,
   * so even two runs racing cannot charge the same instalment twice.
   */
  readonly chargeKey: string
}

/** A preview of a charge run (Sollstellungslauf): what it checked, what it will post, and its idempotency key. */
export interface ChargeRunPlan {
  readonly asOf: CalendarDate
  readonly idempotencyKey: string
  readonly membershipsChecked: number
  readonly skipped: readonly { membershipId: string; reason: 'processing-blocked' }[]
  readonly charges: readonly PlannedCharge[]
  readonly total: Cents
}

/**
 * Plans the charges due up to `asOf` (D7). For each assignment and calendar year, the current plan's instalments
 * that fall due by `asOf` inside the assignment, the fee class's validity and the membership are summed up in due
 * order and compared with what was already charged for that year: only the part not yet charged is planned.
 * So a second run plans nothing, a plan change never re-charges a charged period, and a missed run catches up.
 */
export function planChargeRun(input: ChargeRunInput): ChargeRunPlan {
  const { asOf } = input
  const classes = new Map(input.feeClasses.map((c) => [c.id, c]))
  const plans = new Map(input.plans.map((p) => [p.id, p]))
  const accounts = new Map(input.accounts.map((a) => [a.id, a]))
  const charged = new Map<string, Cents>()
  for (const c of input.charged) charged.set(`${c.assignmentId}|${c.year}`, (charged.get(`${c.assignmentId}|${c.year}`) ?? 0) + c.amount)

  const charges: PlannedCharge[] = []
  const skipped: { membershipId: string; reason: 'processing-blocked' }[] = []
  let checked = 0
  for (const membership of input.memberships) {
    if (compareDates(membership.joinedOn, asOf) > 0) continue
    checked += 1
    if (membership.processingBlocked) {
      skipped.push({ membershipId: membership.id, reason: 'processing-blocked' })
      continue
    }
    for (const assignment of membership.assignments) {
      const feeClass = classes.get(assignment.feeClassId)
      const plan = plans.get(assignment.paymentPlanId ?? feeClass?.paymentPlanId ?? '')
      if (!feeClass || !plan) continue
      const account = accounts.get(feeClass.accountId)
      const lastDay = [asOf, assignment.validUntil, membership.endsOn].filter((d): d is string => d !== null).sort()[0]!
      const firstYear = Math.max(dateParts(assignment.validFrom).year, dateParts(membership.joinedOn).year)
      for (let year = firstYear; year <= dateParts(lastDay).year; year += 1) {
        let alreadyCharged = charged.get(`${assignment.id}|${year}`) ?? 0
        const instalments = instalmentsForYear({
          plan,
          annualAmount: assignment.amount ?? feeClass.amount,
          joinedOn: membership.joinedOn,
          startsOn: assignment.validFrom,
          year,
        })
        // Only instalments inside the assignment, the class's validity and the membership are owed; the
        // cumulative target counts those alone, so a class starting on 1 July owes nothing for January.
        // What counts as already charged: docs/decisions/0002.
        let owed = 0
        for (const instalment of instalments) {
          const inWindow =
            compareDates(instalment.due, assignment.validFrom) >= 0 &&
            compareDates(instalment.due, membership.joinedOn) >= 0 &&
            compareDates(instalment.due, lastDay) <= 0 &&
            isFeeClassValidOn(feeClass, instalment.due)
          if (!inWindow) continue
          owed += instalment.amount
          if (owed <= alreadyCharged) continue
          const amount = owed - alreadyCharged
          alreadyCharged = owed
          charges.push({
            membershipId: membership.id,
            membershipNumber: membership.number,
            assignmentId: assignment.id,
            feeClassId: feeClass.id,
            accountId: feeClass.accountId,
            date: instalment.due,
            amount,
            text: account?.name ?? feeClass.name,
            year,
            chargeKey: `${assignment.id}:${year}:${owed}`,
          })
        }
      }
    }
  }
  const total = charges.reduce((sum, c) => sum + c.amount, 0)
  return {
    asOf,
    idempotencyKey: idempotencyKeyOf('charge-run', { asOf, charges: charges.map((c) => [c.chargeKey, c.amount, c.date]) }),
    membershipsChecked: checked,
    skipped,
    charges,
    total,
  }
}
