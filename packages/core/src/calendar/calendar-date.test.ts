import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  endOfMonth,
  fromEpochDay,
  isCalendarDate,
  isoWeekday,
  parseCalendarDate,
  toEpochDay,
} from './calendar-date'
import { calendarDate } from '../../test/arbitraries'

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01'])('%s is a date', (d) => expect(isCalendarDate(d)).toBe(true))
  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', '2024-01-01T00:00'])(
    '%s is not a date',
    (d) => {
      expect(isCalendarDate(d)).toBe(false)
      expect(() => parseCalendarDate(d)).toThrowError(expect.objectContaining({ code: 'INVALID_CALENDAR_DATE' }))
    },
  )

  it('counts epoch days like the Gregorian calendar', () => {
    expect(toEpochDay('1970-01-01')).toBe(0)
    expect(toEpochDay('2000-03-01')).toBe(11_017)
    expect(fromEpochDay(-1)).toBe('1969-12-31')
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365)
  })

  it('knows weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1) // a Monday
    expect(isoWeekday('2024-02-29')).toBe(4)
    expect(isoWeekday('1970-01-01')).toBe(4)
  })

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2024-05-31', -15, '2023-02-28'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected))

  test.prop([calendarDate()])('epoch days round-trip', (date) => {
    expect(fromEpochDay(toEpochDay(date))).toBe(date)
  })

  test.prop([calendarDate(), fc.integer({ min: -5000, max: 5000 })])('addDays moves exactly n days', (date, n) => {
    const moved = addDays(date, n)
    expect(daysBetween(date, moved)).toBe(n)
    expect(Math.sign(compareDates(moved, date))).toBe(Math.sign(n))
  })

  test.prop([calendarDate(), fc.integer({ min: -240, max: 240 })])(
    'addMonths lands in the right month and never skips a month end',
    (date, n) => {
      const moved = addMonths(date, n)
      const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7))
      expect(months(moved) - months(date)).toBe(n)
      const day = Number(date.slice(8, 10))
      const lastDay = Number(endOfMonth(moved).slice(8, 10))
      expect(Number(moved.slice(8, 10))).toBe(Math.min(day, lastDay))
    },
  )

  test.prop([calendarDate()])('twelve one-month steps from a month end reach the same month end a year later', (date) => {
    const end = endOfMonth(date)
    let current = end
    for (let i = 0; i < 12; i += 1) current = endOfMonth(addMonths(current, 1))
    expect(current).toBe(endOfMonth(addMonths(end, 12)))
  })
})
