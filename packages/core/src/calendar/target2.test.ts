import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { addBusinessDays, easterSunday, isBusinessDay, target2Holidays } from './target2'
import { daysBetween } from './calendar-date'
import { calendarDate } from '../../test/arbitraries'

describe('TARGET2 calendar', () => {
  // Easter Sundays from published tables.
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, date) => expect(easterSunday(year)).toBe(date))

  it('lists the six closing days of 2026', () => {
    expect(target2Holidays(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26'])
  })

  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-04-03', false], // Good Friday
    ['2026-04-06', false], // Easter Monday
    ['2026-05-01', false],
    ['2026-12-24', true], // Christmas Eve is a TARGET2 day
    ['2026-10-03', false], // German Unity Day 2026 is a Saturday
    ['2025-10-03', true], // German national holiday, but TARGET2 is open
  ])('%s business day: %s', (date, expected) => expect(isBusinessDay(date)).toBe(expected))

  it.each([
    ['2026-11-24', -1, '2026-11-23'],
    ['2026-11-23', -1, '2026-11-20'], // D-1 of a Monday is the Friday before
    ['2026-04-07', -1, '2026-04-02'], // over Easter
    ['2026-12-28', -1, '2026-12-24'],
    ['2026-12-24', 1, '2026-12-28'],
    ['2026-11-21', 0, '2026-11-23'],
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-12-31', 1, '2027-01-04'],
  ])('addBusinessDays(%s, %i) = %s', (date, n, expected) => expect(addBusinessDays(date, n)).toBe(expected))

  test.prop([calendarDate(), fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0)])(
    'lands on a business day, in the right direction, never more than 2n+4 calendar days away',
    (date, n) => {
      const result = addBusinessDays(date, n)
      expect(isBusinessDay(result)).toBe(true)
      const distance = daysBetween(date, result)
      expect(Math.sign(distance)).toBe(Math.sign(n))
      expect(Math.abs(distance)).toBeLessThanOrEqual(Math.abs(n) * 2 + 4)
    },
  )
})
