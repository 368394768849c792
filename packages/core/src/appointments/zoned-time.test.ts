import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { instantAt, localDateTimeOf, wallTimeOf } from './zoned-time'
import { fromEpochDay } from '../calendar/calendar-date'

describe('wall time in a time zone', () => {
  it('is one hour ahead of UTC in winter and two in summer (Berlin)', () => {
    expect(instantAt('2027-01-11', '09:00', 'Europe/Berlin').toISOString()).toBe('2027-01-11T08:00:00.000Z')
    expect(instantAt('2027-07-12', '09:00', 'Europe/Berlin').toISOString()).toBe('2027-07-12T07:00:00.000Z')
    expect(instantAt('2027-07-12', '09:00', 'Europe/Stockholm').toISOString()).toBe('2027-07-12T07:00:00.000Z')
    expect(instantAt('2027-07-12', '09:00', 'UTC').toISOString()).toBe('2027-07-12T09:00:00.000Z')
  })

  it('moves a time in the spring gap forward by the gap (last Sunday of March)', () => {
    // 2027-03-28: clocks go from 02:00 to 03:00 in Berlin.
    expect(instantAt('2027-03-28', '01:59', 'Europe/Berlin').toISOString()).toBe('2027-03-28T00:59:00.000Z')
    expect(instantAt('2027-03-28', '02:30', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z')
    expect(localDateTimeOf(instantAt('2027-03-28', '02:30', 'Europe/Berlin'), 'Europe/Berlin').time).toBe('03:30')
    expect(instantAt('2027-03-28', '03:00', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z')
  })

  it('takes the first occurrence of a time that happens twice (last Sunday of October)', () => {
    // 2027-10-31: clocks go from 03:00 back to 02:00.
    expect(instantAt('2027-10-31', '02:30', 'Europe/Berlin').toISOString()).toBe('2027-10-31T00:30:00.000Z')
    expect(instantAt('2027-10-31', '03:00', 'Europe/Berlin').toISOString()).toBe('2027-10-31T02:00:00.000Z')
  })

  test.prop([
    fc.integer({ min: 18_000, max: 30_000 }),
    fc.integer({ min: 0, max: 1439 }),
    fc.constantFrom('Europe/Berlin', 'Europe/Stockholm', 'America/New_York'),
  ])('round-trips every wall time that exists', (epochDay, minutes, zone) => {
    const date = fromEpochDay(epochDay)
    const time = wallTimeOf(minutes)
    const local = localDateTimeOf(instantAt(date, time, zone), zone)
    const inGap = local.time !== time
    if (!inGap) expect(local).toEqual({ date, time })
    // A time in a gap lands within the hour after it, on the same day.
    else expect(local.date).toBe(date)
  })
})

describe('far dates', () => {
  it('keeps years before 100 and after 9000 as they are', () => {
    expect(instantAt('0001-01-01', '09:00', 'UTC').toISOString()).toBe('0001-01-01T09:00:00.000Z')
    expect(localDateTimeOf(instantAt('0099-12-31', '23:30', 'UTC'), 'UTC')).toEqual({ date: '0099-12-31', time: '23:30' })
    expect(localDateTimeOf(instantAt('9999-12-31', '10:00', 'Europe/Berlin'), 'Europe/Berlin')).toEqual({
      date: '9999-12-31',
      time: '10:00',
    })
  })
})
