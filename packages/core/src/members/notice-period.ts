import * as z from 'zod'
import { addMonths, compareDates, dateParts, endOfMonth, makeDate, type CalendarDate } from '../calendar/calendar-date'

/**
 * The notice period of the statute (Kündigungsfrist, handbook §11.6 "Austritt"): so many months of notice, taking
 * effect at the end of a month, a quarter or the year (docs/decisions/0000#d22).
 */
export const NoticePeriod = z.strictObject({
  months: z.number().int().min(0).max(24),
  effectiveAt: z.enum(['month-end', 'quarter-end', 'year-end']),
})
export type NoticePeriod = z.infer<typeof NoticePeriod>

function periodEndOnOrAfter(date: CalendarDate, effectiveAt: NoticePeriod['effectiveAt']): CalendarDate {
  const { year, month } = dateParts(date)
  if (effectiveAt === 'month-end') return endOfMonth(date)
  if (effectiveAt === 'year-end') return makeDate(year, 12, 31)
  return endOfMonth(makeDate(year, Math.ceil(month / 3) * 3, 1))
}

/**
 * The earliest end of a membership whose termination was received on `receivedOn`: the first month, quarter or
 * year end that lies at least `months` months after the receipt. Three months to the year end: received on
 * 30 September → 31 December; received on 1 October → 31 December of the next year.
 */
export function earliestEndDate(receivedOn: CalendarDate, notice: NoticePeriod): CalendarDate {
  return periodEndOnOrAfter(addMonths(receivedOn, notice.months), notice.effectiveAt)
}

/** Whether `endsOn` keeps the notice period for a termination received on `receivedOn`. */
export function keepsNoticePeriod(receivedOn: CalendarDate, endsOn: CalendarDate, notice: NoticePeriod): boolean {
  return compareDates(endsOn, earliestEndDate(receivedOn, notice)) >= 0
}
