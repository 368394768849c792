import { describe, expect, it } from 'vitest'
import { calendarDateAt } from './time-zone'

describe('calendarDateAt', () => {
  it('uses the organisation time zone, not UTC', () => {
    expect(calendarDateAt(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-23')
    expect(calendarDateAt(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-11-22')
    expect(calendarDateAt(new Date('2026-06-30T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-01')
  })
})
