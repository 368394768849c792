import * as z from 'zod'
import { toEpochDay, type CalendarDate } from '../calendar/calendar-date'

/** A wall-clock time of day, `HH:MM` (00:00–23:59), as templates and the handbook write it. */
export const WallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use the format hh:mm (00:00–23:59).')
export type WallTime = string

/** Minutes since midnight of a wall time: `09:30` → 570. */
export function minutesOf(time: WallTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/** The wall time of minutes since midnight: 570 → `09:30`. */
export function wallTimeOf(minutes: number): WallTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Whether `timeZone` is an IANA zone this runtime knows (`Europe/Berlin`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

/** An IANA time zone name the runtime knows. */
export const TimeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone; use an IANA name such as Europe/Berlin.')

function partsAt(instant: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
}

const offsets = new Map<string, number>()

/**
 * The zone's offset from UTC at an instant, in milliseconds (Berlin in summer: +7 200 000). Remembered per zone
 * and exact instant: a calendar asks for the same few start times of many consultants, and the lookup through
 * `Intl` is by far the dearest step of a slot search.
 */
export function offsetAt(instant: number, timeZone: string): number {
  const key = `${timeZone}|${instant}`
  const known = offsets.get(key)
  if (known !== undefined) return known
  const p = partsAt(instant, timeZone)
  const wall = new Date(Date.UTC(2000, p.month - 1, p.day, p.hour, p.minute, p.second))
  wall.setUTCFullYear(p.year) // Date.UTC reads the years 0–99 as 1900–1999
  const offset = wall.getTime() - Math.floor(instant / 1000) * 1000
  if (offsets.size >= 100_000) offsets.clear()
  offsets.set(key, offset)
  return offset
}

/**
 * The instant a wall-clock time on a calendar date is in a time zone, correct across daylight-saving changes:
 * a time that happens twice (the last Sunday of October, 02:30 in Berlin) is its first occurrence; a time that
 * does not exist (the last Sunday of March, 02:30) moves forward by the gap (03:30), as calendars do.
 */
export function instantAt(date: CalendarDate, time: WallTime, timeZone: string): Date {
  // Epoch days, not Date.UTC: that reads the years 0–99 as 1900–1999.
  const local = toEpochDay(date) * 86_400_000 + minutesOf(time) * 60_000
  const before = offsetAt(local - 12 * 3_600_000, timeZone)
  const after = offsetAt(local + 12 * 3_600_000, timeZone)
  if (before === after) return new Date(local - before)
  const first = local - before
  const second = local - after
  const firstValid = offsetAt(first, timeZone) === before
  const secondValid = offsetAt(second, timeZone) === after
  if (firstValid && secondValid) return new Date(Math.min(first, second))
  if (firstValid) return new Date(first)
  if (secondValid) return new Date(second)
  // In the gap: the earlier offset carries the time past the change (02:30 → 03:30).
  return new Date(first)
}

/** The local calendar date and wall time of an instant in a time zone. */
export function localDateTimeOf(instant: Date, timeZone: string): { date: CalendarDate; time: WallTime } {
  // The wall clock is the instant shifted by the zone's offset, read as UTC (years 0001–9999, as calendar dates).
  const iso = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone)).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}
