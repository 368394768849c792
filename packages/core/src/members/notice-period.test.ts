import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, compareDates } from '../calendar/calendar-date'
import { earliestEndDate, keepsNoticePeriod } from './notice-period'

describe('notice periods (Kündigungsfrist, docs/decisions/0000#d22)', () => {
  const threeToYearEnd = { months: 3, effectiveAt: 'year-end' } as const
  it('three months to the year end: 30 September is in time, 1 October is for the next year', () => {
    expect(earliestEndDate('2026-09-30', threeToYearEnd)).toBe('2026-12-31')
    expect(earliestEndDate('2026-10-01', threeToYearEnd)).toBe('2027-12-31')
    expect(earliestEndDate('2026-01-15', threeToYearEnd)).toBe('2026-12-31')
  })
  it('to a quarter end and to a month end', () => {
    expect(earliestEndDate('2026-02-15', { months: 1, effectiveAt: 'quarter-end' })).toBe('2026-03-31')
    expect(earliestEndDate('2026-03-01', { months: 1, effectiveAt: 'quarter-end' })).toBe('2026-06-30')
    expect(earliestEndDate('2028-01-31', { months: 1, effectiveAt: 'month-end' })).toBe('2028-02-29')
    expect(earliestEndDate('2026-05-10', { months: 0, effectiveAt: 'month-end' })).toBe('2026-05-31')
  })
  it('properties: the earliest end keeps the notice, the day before it does not, and a later receipt never ends earlier', () => {
    const day = fc.integer({ min: 0, max: 15_000 }).map((n) => addDays('2000-01-01', n))
    const notice = fc.record({
      months: fc.integer({ min: 0, max: 24 }),
      effectiveAt: fc.constantFrom('month-end', 'quarter-end', 'year-end') as fc.Arbitrary<'month-end'>,
    })
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), notice, (received, later, n) => {
        const end = earliestEndDate(received, n)
        expect(keepsNoticePeriod(received, end, n)).toBe(true)
        expect(keepsNoticePeriod(received, addDays(end, -1), n)).toBe(false)
        expect(compareDates(earliestEndDate(addDays(received, later), n), end)).toBeGreaterThanOrEqual(0)
      }),
    )
  })
})
