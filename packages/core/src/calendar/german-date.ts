import type { CalendarDate } from './calendar-date'

/** A calendar date as Germans write it: `2025-03-05` → `05.03.2025` (letters, booking texts, CSV cells). */
export function formatGermanDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`
}
