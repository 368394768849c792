import * as z from 'zod'
import { addMonths, compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { IbanSchema, BicSchema } from '../sepa/sepa-schemas'

/** Mandatstyp: a recurring mandate (wiederkehrend) covers every amount that falls due, a one-off (einmalig) one amount. */
export const MandateKind = z.enum(['recurring', 'one-off'])
export type MandateKind = z.infer<typeof MandateKind>

/** How the account holder hears of an upcoming debit (Kommunikation): a posted letter or an e-mail. */
export const PreNotificationChannel = z.enum(['letter', 'email'])
export type PreNotificationChannel = z.infer<typeof PreNotificationChannel>

/** A SEPA direct-debit mandate (SEPA-Lastschriftmandat, handbook §11.5 ZV) as the rules see it. */
export interface Mandate {
  readonly id: string
  /** Mandatsreferenz, compared case-insensitively. */
  readonly reference: string
  readonly kind: MandateKind
  /** Gültig von: the first day the club may use it. */
  readonly validFrom: CalendarDate
  /** Unterschrieben am. */
  readonly signedOn: CalendarDate
  /** Befristet bis: the last day it may be used (docs/decisions/0000#d13). */
  readonly limitedUntil: CalendarDate | null
  /** Gekündigt am: the day a revocation or termination was received. */
  readonly terminatedOn: CalendarDate | null
  readonly iban: string
  readonly bic: string | null
  readonly accountHolder: string
}

/** The fields of a new mandate staff enter (handbook §11.5: Mandatstyp, Gültig von, Unterschrieben am, IBAN, BIC, Kommunikation). */
export const MandateInput = z.strictObject({
  kind: MandateKind.default('recurring'),
  validFrom: CalendarDateSchema,
  signedOn: CalendarDateSchema,
  limitedUntil: CalendarDateSchema.nullable().default(null),
  iban: IbanSchema,
  bic: BicSchema.nullable().default(null),
  accountHolder: z.string().trim().min(1).max(70),
  preNotificationChannel: PreNotificationChannel.default('letter'),
})
export type MandateInput = z.infer<typeof MandateInput>

/**
 * One collection made or planned with a mandate. `pending`: in a direct-debit run not yet exported; `exported`:
 * in a file for the bank; `returned`: the bank returned it (Rücklastschrift). Cancelled exports are not collections.
 */
export interface MandateCollection {
  readonly mandateId: string
  readonly collectionDate: CalendarDate
  readonly status: 'pending' | 'exported' | 'returned'
  readonly sequenceType: SequenceType
  /** The mandate's reference and IBAN as the collection carried them (for amendments). */
  readonly reference: string
  readonly iban: string
}

/** Sequence type (`SeqTp`) of a collection: first, recurring, final or one-off. */
export type SequenceType = 'FRST' | 'RCUR' | 'FNAL' | 'OOFF'

/** Why a mandate cannot be used on a date. */
export type MandateState = 'valid' | 'not-yet-valid' | 'ended' | 'revoked' | 'lapsed' | 'used-up'

/** What `mandateStateOn` reports. */
export interface MandateStatus {
  readonly state: MandateState
  /** Recurring mandates: the day they lapse unless collected before (36 months after the last settled collection). */
  readonly lapsesOn: CalendarDate | null
  /** True from 33 months on, while still valid: collect soon or ask for a new mandate. */
  readonly lapseWarning: boolean
}

/** Months without a settled collection after which a recurring mandate lapses (EPC rulebook). */
export const mandateLapseMonths = 36
/** Months after which the mandate check warns that a mandate is about to lapse. */
export const mandateLapseWarningMonths = 33

/** Settled collections: exported, not returned, and due on or before `date`. */
export function settledCollections(collections: readonly MandateCollection[], mandateId: string, date: CalendarDate): MandateCollection[] {
  return collections.filter((c) => c.mandateId === mandateId && c.status === 'exported' && compareDates(c.collectionDate, date) <= 0)
}

/**
 * The state of a mandate on `date` (docs/decisions/0000#d13): not yet valid before "Gültig von"; ended after
 * "Befristet bis"; revoked from the day a revocation without an end date was received; a recurring mandate lapses
 * 36 months after its last settled collection (after the signature if never used); a one-off mandate is used up
 * by its first settled collection, and a recurring one ends with a settled final (`FNAL`) collection. Returned collections do not count as use (spec/sepa.md §3.3).
 */
export function mandateStateOn(mandate: Mandate, collections: readonly MandateCollection[], date: CalendarDate): MandateStatus {
  const settled = settledCollections(collections, mandate.id, date)
  const lastSettled = settled.reduce<CalendarDate | null>(
    (last, c) => (last === null || compareDates(c.collectionDate, last) > 0 ? c.collectionDate : last),
    null,
  )
  const lapsesOn = mandate.kind === 'recurring' ? addMonths(lastSettled ?? mandate.signedOn, mandateLapseMonths) : null
  const warnFrom = mandate.kind === 'recurring' ? addMonths(lastSettled ?? mandate.signedOn, mandateLapseWarningMonths) : null
  const status = (state: MandateState): MandateStatus => ({
    state,
    lapsesOn,
    lapseWarning: state === 'valid' && warnFrom !== null && compareDates(date, warnFrom) >= 0,
  })
  if (compareDates(date, mandate.validFrom) < 0) return status('not-yet-valid')
  if (mandate.limitedUntil !== null && compareDates(date, mandate.limitedUntil) > 0) return status('ended')
  if (mandate.limitedUntil === null && mandate.terminatedOn !== null && compareDates(date, mandate.terminatedOn) >= 0) {
    return status('revoked')
  }
  if (mandate.kind === 'one-off' && settled.length > 0) return status('used-up')
  if (settled.some((c) => c.sequenceType === 'FNAL')) return status('ended')
  if (lapsesOn !== null && compareDates(date, lapsesOn) >= 0) return status('lapsed')
  return status('valid')
}

/** True when the mandate may be used for a collection due on `date`. */
export function isMandateValidOn(mandate: Mandate, collections: readonly MandateCollection[], date: CalendarDate): boolean {
  return mandateStateOn(mandate, collections, date).state === 'valid'
}

/**
 * The mandate a payer's collection uses on `date`: of the valid ones, the one valid from the latest day, then the
 * latest signed (docs/decisions/0000#d13). Undefined when none is valid.
 */
export function mandateInUse<M extends Mandate>(
  mandates: readonly M[],
  collections: readonly MandateCollection[],
  date: CalendarDate,
): M | undefined {
  let best: M | undefined
  for (const m of mandates) {
    if (!isMandateValidOn(m, collections, date)) continue
    if (
      best === undefined ||
      compareDates(m.validFrom, best.validFrom) > 0 ||
      (m.validFrom === best.validFrom && compareDates(m.signedOn, best.signedOn) > 0)
    ) {
      best = m
    }
  }
  return best
}
