import type { Cents } from '../money/cents'

/**
 * `1234550` → `12.345,50 €`: German grouping and decimal comma, the sign in front, the euro sign after a
 * non-breaking space. `currency: false` leaves out the euro sign; `grouping: false` the thousands dots, as CSV cells
 * want (`-72,00`, docs/decisions/0004). Exact for every integer number of cents.
 */
export function formatGermanAmount(cents: Cents, options: { currency?: boolean; grouping?: boolean } = {}): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const whole = String(Math.floor(abs / 100))
  const euros = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  const text = `${sign}${euros},${String(abs % 100).padStart(2, '0')}`
  return options.currency === false ? text : `${text}\u00a0€`
}
