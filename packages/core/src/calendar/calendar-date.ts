import { VereinskitError } from '../errors/vereinskit-error'

/**
 * A calendar date without time or time zone, written `YYYY-MM-DD` (e.g. a joining date or a due date).
 * Kept as a string so it round-trips through JSON and SQL unchanged.
 */
export type CalendarDate = string

/** Error for text that is not an existing calendar date. */
export class InvalidCalendarDateError extends VereinskitError {
  override name = 'InvalidCalendarDateError'
  constructor(readonly input: unknown) {
    super('INVALID_CALENDAR_DATE', `${JSON.stringify(input)} is not a calendar date in the form YYYY-MM-DD.`)
  }
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for an existing date in `YYYY-MM-DD` form between years 1 and 9999 (`2025-02-29` is false). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false
  const match = datePattern.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Returns `value` if it is a calendar date, else throws `InvalidCalendarDateError`. */
export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidCalendarDateError(value)
  return value
}

/** True in Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Splits a date into numeric year, month (1–12) and day. */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

/** Builds a date from parts; throws if the parts name no existing day. */
export function makeDate(year: number, month: number, day: number): CalendarDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return parseCalendarDate(text)
}

/** Days since 1970-01-01 (negative before); the bridge for day arithmetic (proleptic Gregorian, integers only). */
export function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = dateParts(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Inverse of `toEpochDay`. */
export function fromEpochDay(epochDay: number): CalendarDate {
  const z = epochDay + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return makeDate(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/** Negative if `a` is before `b`, 0 if equal, positive if after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from)
}

/** The date `days` days later (or earlier for negative `days`). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days)
}

/**
 * The same day `months` months later, clamped to the month's last day: `2024-01-31` + 1 → `2024-02-29`,
 * `2023-01-31` + 1 → `2023-02-28`. Month ends are never skipped.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = dateParts(date)
  const index = year * 12 + (month - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = (index % 12) + 1
  return makeDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)))
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const weekday = (((toEpochDay(date) + 3) % 7) + 7) % 7 // 1970-01-01 was a Thursday
  return weekday + 1
}

/** The last day of the month `date` falls in. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = dateParts(date)
  return makeDate(year, month, daysInMonth(year, month))
}
