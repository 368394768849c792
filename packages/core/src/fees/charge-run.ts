import { dateParts, type CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'
import { createKeyHasher } from '../runs/idempotency-key'
import type { Account } from './account'
import type { FeeAssignment } from './assignment'
import type { FeeClass } from './fee-class'
import { instalmentsForYear, type DueInstalment } from './instalments'
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

/**
 * What has been charged so far for one assignment in one calendar year: the sum of its charge postings (reversed
 * ones too) and their charge keys, which name the instalment slots they filled (docs/decisions/0002).
 */
export interface ChargedYear {
  readonly assignmentId: string
  readonly year: number
  readonly amount: Cents
  readonly chargeKeys: readonly string[]
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
   * Unique per (assignment, year, slot): storage refuses a second posting with the same key, so even two runs
   * racing cannot charge the same instalment twice (`chargeKeyOf`).
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

/** The key of a charge posting: `assignment:year:slot`, where the slot is the year's cumulative amount reached. */
export function chargeKeyOf(assignmentId: string, year: number, slot: Cents, chargedBefore?: Cents): string {
  return chargedBefore === undefined ? `${assignmentId}:${year}:${slot}` : `${assignmentId}:${year}:${slot}:${chargedBefore}`
}

/** The slot a charge key names (its cumulative amount), or undefined for a key of another shape. */
export function chargeSlotOf(chargeKey: string): Cents | undefined {
  const parts = chargeKey.split(':')
  if (parts.length !== 3) return undefined
  const slot = Number(parts[2])
  return Number.isSafeInteger(slot) ? slot : undefined
}

interface ChargedSoFar {
  amount: Cents
  slots: Set<Cents>
}

/**
 * Plans the charges due up to `asOf` (docs/decisions/0000#d7). For each assignment and calendar year, the current plan's instalments
 * that fall due by `asOf` inside the assignment, the fee class's validity and the membership are summed up in due
 * order; what they add up to beyond what was already charged for that year is planned. It goes to the instalments
 * whose slot has no charge posting yet, earliest first, each on its own due date — so a second run plans nothing, a
 * plan change never re-charges a charged period, a missed run catches up, and a deleted charge is made again on
 * its own date (docs/decisions/0002). Every planned key is new, so applying posts exactly what the preview shows.
 */
export function planChargeRun(input: ChargeRunInput): ChargeRunPlan {
  const { asOf } = input
  const asOfYear = dateParts(asOf).year
  const classes = new Map(input.feeClasses.map((c) => [c.id, c]))
  const plans = new Map(input.plans.map((p) => [p.id, p]))
  const accounts = new Map(input.accounts.map((a) => [a.id, a]))
  const charged = new Map<string, ChargedSoFar>()
  for (const c of input.charged) {
    const key = `${c.assignmentId}|${c.year}`
    let entry = charged.get(key)
    if (!entry) charged.set(key, (entry = { amount: 0, slots: new Set() }))
    entry.amount += c.amount
    for (const chargeKey of c.chargeKeys) {
      const slot = chargeSlotOf(chargeKey)
      if (slot !== undefined) entry.slots.add(slot)
    }
  }
  const schedules = new InstalmentCache()

  const charges: PlannedCharge[] = []
  const skipped: { membershipId: string; reason: 'processing-blocked' }[] = []
  let checked = 0
  for (const membership of input.memberships) {
    if (membership.joinedOn > asOf) continue
    checked += 1
    if (membership.processingBlocked) {
      skipped.push({ membershipId: membership.id, reason: 'processing-blocked' })
      continue
    }
    const joiningYear = dateParts(membership.joinedOn).year
    for (const assignment of membership.assignments) {
      const feeClass = classes.get(assignment.feeClassId)
      const plan = plans.get(assignment.paymentPlanId ?? feeClass?.paymentPlanId ?? '')
      if (!feeClass || !plan) continue
      const text = accounts.get(feeClass.accountId)?.name ?? feeClass.name
      let lastDay = asOf
      if (assignment.validUntil !== null && assignment.validUntil < lastDay) lastDay = assignment.validUntil
      if (membership.endsOn !== null && membership.endsOn < lastDay) lastDay = membership.endsOn
      // The window opens on the later of the assignment start and the joining day, and on the class's first day.
      let firstDay = assignment.validFrom > membership.joinedOn ? assignment.validFrom : membership.joinedOn
      if (feeClass.validFrom > firstDay) firstDay = feeClass.validFrom
      if (feeClass.validUntil !== null && feeClass.validUntil < lastDay) lastDay = feeClass.validUntil
      if (firstDay > lastDay) continue
      const lastYear = Math.min(dateParts(lastDay).year, asOfYear)
      const annualAmount = assignment.amount ?? feeClass.amount
      for (let year = Math.max(dateParts(firstDay).year, joiningYear); year <= lastYear; year += 1) {
        const instalments = schedules.get(plan, annualAmount, membership.joinedOn, assignment.validFrom, year, joiningYear)
        // Only instalments inside the window are owed; the cumulative target counts those alone, so a class
        // starting on 1 July owes nothing for January.
        let owed = 0
        let inWindow = 0
        for (const instalment of instalments) {
          if (instalment.due < firstDay) continue
          if (instalment.due > lastDay) break
          owed += instalment.amount
          inWindow += 1
        }
        const done = charged.get(`${assignment.id}|${year}`)
        let missing = owed - (done?.amount ?? 0)
        if (missing <= 0) continue
        let slot = 0
        let lastDue = ''
        for (const instalment of instalments) {
          if (missing === 0) break
          if (instalment.due < firstDay) continue
          if (instalment.due > lastDay) break
          slot += instalment.amount
          lastDue = instalment.due
          if (instalment.amount === 0 || done?.slots.has(slot)) continue
          const amount = Math.min(instalment.amount, missing)
          missing -= amount
          charges.push(
            plannedCharge(membership, assignment.id, feeClass, instalment.due, amount, text, year, chargeKeyOf(assignment.id, year, slot)),
          )
        }
        // Every slot is filled and still something is owed (a plan or amount change): the rest is due on the
        // last due day, under a key that names what was charged before it.
        if (missing > 0 && inWindow > 0) {
          const key = chargeKeyOf(assignment.id, year, owed, owed - missing)
          charges.push(plannedCharge(membership, assignment.id, feeClass, lastDue, missing, text, year, key))
        }
      }
    }
  }
  let total = 0
  for (const c of charges) total += c.amount
  return {
    asOf,
    idempotencyKey: keyOf(asOf, charges),
    membershipsChecked: checked,
    skipped,
    charges,
    total,
  }
}

/** The plan's key: its date and every charge (key, amount, date), hashed as they come. */
function keyOf(asOf: CalendarDate, charges: readonly PlannedCharge[]): string {
  const hasher = createKeyHasher('charge-run')
  hasher.add(asOf)
  for (const c of charges) hasher.add(`${c.chargeKey}|${c.amount}|${c.date}`)
  return hasher.key()
}

/** One planned charge, always built with the same shape (one hidden class for the engine, however many there are). */
function plannedCharge(
  membership: ChargeableMembership,
  assignmentId: string,
  feeClass: FeeClass,
  date: CalendarDate,
  amount: Cents,
  text: string,
  year: number,
  chargeKey: string,
): PlannedCharge {
  return {
    membershipId: membership.id,
    membershipNumber: membership.number,
    assignmentId,
    feeClassId: feeClass.id,
    accountId: feeClass.accountId,
    date,
    amount,
    text,
    year,
    chargeKey,
  }
}

/** Instalment schedules shared by every assignment with the same plan, amount, year and start. */
class InstalmentCache {
  private readonly cache = new Map<string, readonly DueInstalment[]>()

  get(plan: PaymentPlan, annualAmount: Cents, joinedOn: CalendarDate, startsOn: CalendarDate, year: number, joiningYear: number) {
    // Beyond the joining year only the month of the start matters (pro rata in later years counts from it).
    const start = startsOn > joinedOn ? startsOn : joinedOn
    const key =
      year === joiningYear
        ? `${plan.id}|${annualAmount}|${year}|${start}`
        : `${plan.id}|${annualAmount}|${year}|${year - joiningYear}|${start.slice(5, 7)}`
    let schedule = this.cache.get(key)
    if (!schedule) {
      schedule = instalmentsForYear({ plan, annualAmount, joinedOn, startsOn, year })
      this.cache.set(key, schedule)
    }
    return schedule
  }
}
