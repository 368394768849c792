import type { CalendarDate } from '../calendar/calendar-date'
import { checkIban } from '../sepa/iban'
import { isValidBic } from '../sepa/bic'
import { mandateInUse, mandateStateOn, type Mandate, type MandateCollection, type MandateState } from './mandate'

/** A direct-debit payer as the mandate check (Mandatsprüfung) sees it. */
export interface MandateCheckCandidate {
  readonly membershipId: string
  readonly membershipNumber: number
  /** The person who pays: the alternate payer (abweichender Beitragszahler) when one is set, else the member. */
  readonly payerPersonId: string
  readonly payerIsAlternate: boolean
  /** The payer's mandates (only these count when an alternate payer is set, handbook §6.13). */
  readonly mandates: readonly Mandate[]
}

/** Why a payer fails the check. */
export type MandateCheckReason = 'no-mandate' | Exclude<MandateState, 'valid'> | 'invalid-iban' | 'invalid-bic'

/** One finding of the mandate check. */
export interface MandateCheckFinding {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly payerPersonId: string
  readonly payerIsAlternate: boolean
  /** `lapsing-soon` is a warning: the mandate is valid but lapses within three months. */
  readonly reason: MandateCheckReason | 'lapsing-soon'
  readonly mandateId: string | null
  readonly lapsesOn: CalendarDate | null
}

/**
 * The mandate check (Mandatsprüfung, handbook §6.13): direct-debit payers with no mandate, or whose mandates are
 * all unusable on `date`, with the reason of the newest one; a valid mandate with a malformed IBAN or BIC; and a
 * warning for recurring mandates from 33 months without a settled collection (docs/decisions/0000#d13).
 */
export function checkMandates(
  candidates: readonly MandateCheckCandidate[],
  collections: readonly MandateCollection[],
  date: CalendarDate,
): MandateCheckFinding[] {
  const findings: MandateCheckFinding[] = []
  for (const c of candidates) {
    const base = {
      membershipId: c.membershipId,
      membershipNumber: c.membershipNumber,
      payerPersonId: c.payerPersonId,
      payerIsAlternate: c.payerIsAlternate,
    }
    if (c.mandates.length === 0) {
      findings.push({ ...base, reason: 'no-mandate', mandateId: null, lapsesOn: null })
      continue
    }
    const inUse = mandateInUse(c.mandates, collections, date)
    if (inUse === undefined) {
      const newest = [...c.mandates].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0]!
      const status = mandateStateOn(newest, collections, date)
      findings.push({ ...base, reason: status.state as Exclude<MandateState, 'valid'>, mandateId: newest.id, lapsesOn: status.lapsesOn })
      continue
    }
    const status = mandateStateOn(inUse, collections, date)
    if (!checkIban(inUse.iban).valid) findings.push({ ...base, reason: 'invalid-iban', mandateId: inUse.id, lapsesOn: status.lapsesOn })
    else if (inUse.bic !== null && !isValidBic(inUse.bic)) {
      findings.push({ ...base, reason: 'invalid-bic', mandateId: inUse.id, lapsesOn: status.lapsesOn })
    } else if (status.lapseWarning) findings.push({ ...base, reason: 'lapsing-soon', mandateId: inUse.id, lapsesOn: status.lapsesOn })
  }
  return findings.sort((a, b) => a.membershipNumber - b.membershipNumber)
}
