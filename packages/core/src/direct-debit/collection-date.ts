import { addBusinessDays, isBusinessDay } from '../calendar/target2'
import { addDays, compareDates, daysBetween, type CalendarDate } from '../calendar/calendar-date'
import type { SequenceType } from './mandate'

/** What is wrong with a collection date (Ausführungsdatum), or what staff should know. */
export type CollectionDateProblem =
  /** Not a TARGET2 business day: banks would move it. */
  | { readonly code: 'not-business-day'; readonly nextBusinessDay: CalendarDate }
  /** Today is after the latest day the file may reach the bank for this sequence type. */
  | { readonly code: 'too-late'; readonly sequenceType: SequenceType; readonly latestSubmission: CalendarDate }
  /** Later than the 90 days ahead banks accept. */
  | { readonly code: 'too-far-ahead'; readonly latestCollectionDate: CalendarDate }

/** A warning: pre-notifications sent today arrive less than the club's notice period before the collection. */
export interface CollectionDateWarning {
  readonly code: 'pre-notification-too-short'
  readonly days: number
  readonly required: number
}

/** The outcome of checking a collection date. */
export interface CollectionDateCheck {
  readonly problems: readonly CollectionDateProblem[]
  readonly warnings: readonly CollectionDateWarning[]
  /** Per sequence type, the latest day to hand the file to the bank (D minus the lead days). */
  readonly latestSubmission: Readonly<Record<SequenceType, CalendarDate>>
}

/** Banks accept collections at most this many calendar days ahead. */
export const maximumDaysAhead = 90

/**
 * Checks a collection date against today and the club's lead days in TARGET2 business days
 * (docs/decisions/0000#d15): it must be a business day, today must be on or before D minus the lead days of each
 * sequence type the run contains, and it may lie at most 90 days ahead. Warns when pre-notifications sent today
 * would arrive fewer calendar days ahead than the club's notice period (14 by default, EPC rulebook).
 */
export function checkCollectionDate(input: {
  readonly collectionDate: CalendarDate
  readonly today: CalendarDate
  readonly leadDays: Readonly<Record<SequenceType, number>>
  readonly sequenceTypes: readonly SequenceType[]
  readonly preNotificationDays: number
}): CollectionDateCheck {
  const { collectionDate, today } = input
  const latestSubmission = {} as Record<SequenceType, CalendarDate>
  for (const type of ['FRST', 'RCUR', 'FNAL', 'OOFF'] as const) {
    latestSubmission[type] = addBusinessDays(collectionDate, -Math.max(1, input.leadDays[type]))
  }
  const problems: CollectionDateProblem[] = []
  if (!isBusinessDay(collectionDate)) problems.push({ code: 'not-business-day', nextBusinessDay: addBusinessDays(collectionDate, 0) })
  for (const type of [...new Set(input.sequenceTypes)].sort()) {
    if (compareDates(today, latestSubmission[type]) > 0) {
      problems.push({ code: 'too-late', sequenceType: type, latestSubmission: latestSubmission[type] })
    }
  }
  if (daysBetween(today, collectionDate) > maximumDaysAhead) {
    problems.push({ code: 'too-far-ahead', latestCollectionDate: addDays(today, maximumDaysAhead) })
  }
  const days = daysBetween(today, collectionDate)
  const warnings: CollectionDateWarning[] =
    days < input.preNotificationDays ? [{ code: 'pre-notification-too-short', days, required: input.preNotificationDays }] : []
  return { problems, warnings, latestSubmission }
}
