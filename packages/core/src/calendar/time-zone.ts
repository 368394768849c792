import type { CalendarDate } from './calendar-date'

/**
 * The calendar date an instant falls on in an IANA time zone: 2026-11-22T23:30Z is `2026-11-23` in
 * `Europe/Berlin`. Pure: the caller supplies the instant (core never reads the clock).
 */
export function calendarDateAt(instant: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
