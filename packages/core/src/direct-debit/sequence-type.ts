import type { CalendarDate } from '../calendar/calendar-date'
import { addMonths, compareDates } from '../calendar/calendar-date'
import type { Mandate, MandateCollection, SequenceType } from './mandate'

/** Club choices for sequence types. */
export interface SequenceTypeOptions {
  /**
   * Send a mandate's first collection as `FRST`. Optional since November 2016 (EPC SDD Core rulebook 9.0): a first
   * collection may go as `RCUR`, which German banks treat alike.
   */
  readonly useFirstSequence: boolean
}

/**
 * The sequence type (`SeqTp`) of the next collection with `mandate` (spec/sepa.md §3.2): `OOFF` for a one-off
 * mandate; `FRST` (or `RCUR` when the club does not use `FRST`) when the mandate has never been collected — any
 * earlier collection, pending in another run, exported or returned, makes it `RCUR`, so a mandate never gets a
 * second `FRST`; `FNAL` when the mandate has an end date ("Befristet bis") less than a month after the collection
 * date, so no monthly collection can follow. A settled `FNAL` ends the mandate.
 * @see docs/decisions/0018-direct-debit-sequence-types.md
 */
export function sequenceTypeFor(
  mandate: Mandate,
  collections: readonly MandateCollection[],
  collectionDate: CalendarDate,
  options: SequenceTypeOptions,
): SequenceType {
  if (mandate.kind === 'one-off') return 'OOFF'
  const earlier = collections.some((c) => c.mandateId === mandate.id)
  if (!earlier) return options.useFirstSequence ? 'FRST' : 'RCUR'
  if (mandate.limitedUntil !== null && compareDates(mandate.limitedUntil, addMonths(collectionDate, 1)) < 0) return 'FNAL'
  return 'RCUR'
}
