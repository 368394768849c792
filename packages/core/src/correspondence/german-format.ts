import type { CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'

/**
 * `1234550` → `12.345,50 €`: German grouping and decimal comma, the sign in front, the euro sign after a
 * non-breaking space unless `currency: false`. Exact for every integer number of cents.
 */
export function formatGermanAmount(cents: Cents, options: { currency?: boolean } = {}): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  const text = `${sign}${euros},${String(abs % 100).padStart(2, '0')}`
  return options.currency === false ? text : `${text}\u00a0€`
}

/** `2025-03-05` → `05.03.2025`. */
export function formatGermanDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`
}
