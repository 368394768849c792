import type { CalendarDate } from '@vereinskit/core'

/**
 * A calendar date in the reader's language: "Montag, 22. März 2027" (`long`), "Mo., 22.03." (`short`). Formatted in
 * UTC, so the date never shifts with the browser's time zone: a slot's date is already the location's date.
 */
export function formatCalendarDate(date: CalendarDate, lang: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(lang, options).format(new Date(`${date}T00:00:00Z`))
}

/** An instant as the date and time of the location's wall clock: "21.03.2027, 09:00". */
export function formatInstant(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}
