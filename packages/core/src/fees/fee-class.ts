import * as z from 'zod'
import { addDays, compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { AmountSchema } from '../money/amount-schema'
import type { FieldIssue } from '../errors/vereinskit-error'
import type { Account } from './account'
import { isOneOffPlan, type PaymentPlan } from './payment-plan'

/** Fee class (Beitragsklasse): an annual amount with a default payment plan, a validity period and a revenue account. */
export const FeeClass = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(80),
  /** Annual amount in cents. */
  amount: AmountSchema.min(0),
  paymentPlanId: z.string().min(1),
  validFrom: CalendarDateSchema,
  /** Last valid day; `null` for no end. */
  validUntil: CalendarDateSchema.nullable(),
  /** The receivable account charges are posted to (docs/decisions/0000#d4). */
  accountId: z.string().min(1),
  /** Folgebeitragsklasse: takes over from the day after `validUntil`. */
  successorId: z.string().min(1).nullable(),
  showInMembership: z.boolean().default(true),
})
export type FeeClass = z.infer<typeof FeeClass>

/** True when `date` lies in the class's validity period. */
export function isFeeClassValidOn(feeClass: Pick<FeeClass, 'validFrom' | 'validUntil'>, date: CalendarDate): boolean {
  return compareDates(feeClass.validFrom, date) <= 0 && (feeClass.validUntil === null || compareDates(date, feeClass.validUntil) <= 0)
}

/**
 * Configuration rules for a fee class against its catalogue: a receivable account (docs/decisions/0000#d4), an existing plan, a
 * unique name, a sensible validity, and a successor only for non-one-off classes, valid the day after this one
 * ends.
 */
export function checkFeeClass(
  feeClass: FeeClass,
  catalogue: { accounts: readonly Account[]; plans: readonly PaymentPlan[]; feeClasses: readonly FeeClass[] },
): FieldIssue[] {
  const issues: FieldIssue[] = []
  const account = catalogue.accounts.find((a) => a.id === feeClass.accountId)
  if (!account) issues.push({ path: 'accountId', code: 'unknown-account', message: 'The account does not exist.' })
  else if (account.type !== 'receivable') {
    issues.push({
      path: 'accountId',
      code: 'not-receivable',
      message: `Fee classes post to receivable accounts; ${account.name} is a cash account.`,
    })
  }
  const plan = catalogue.plans.find((p) => p.id === feeClass.paymentPlanId)
  if (!plan) issues.push({ path: 'paymentPlanId', code: 'unknown-plan', message: 'The payment plan does not exist.' })
  if (catalogue.feeClasses.some((c) => c.id !== feeClass.id && c.name.toLowerCase() === feeClass.name.toLowerCase())) {
    issues.push({ path: 'name', code: 'duplicate-name', message: `A fee class named ${feeClass.name} exists already.` })
  }
  if (feeClass.validUntil !== null && compareDates(feeClass.validUntil, feeClass.validFrom) < 0) {
    issues.push({ path: 'validUntil', code: 'before-start', message: 'The class cannot end before it starts.' })
  }
  if (feeClass.successorId !== null) {
    const successor = catalogue.feeClasses.find((c) => c.id === feeClass.successorId)
    if (plan && isOneOffPlan(plan)) {
      issues.push({ path: 'successorId', code: 'one-off-successor', message: 'A one-off fee class has no successor.' })
    } else if (!successor || successor.id === feeClass.id) {
      issues.push({ path: 'successorId', code: 'unknown-successor', message: 'The successor fee class does not exist.' })
    } else if (feeClass.validUntil === null) {
      issues.push({ path: 'validUntil', code: 'successor-needs-end', message: 'Set the last valid day before naming a successor.' })
    } else if (!isFeeClassValidOn(successor, addDays(feeClass.validUntil, 1))) {
      issues.push({
        path: 'successorId',
        code: 'successor-not-valid',
        message: `${successor.name} is not valid on the day after ${feeClass.name} ends.`,
      })
    }
  }
  return issues
}
