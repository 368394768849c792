import { addDays, dateParts, isoWeekday, makeDate, type CalendarDate } from './calendar-date'

/** Easter Sunday of `year` (Gregorian computus, anonymous algorithm). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return makeDate(year, month, day)
}

/** The TARGET2 closing days of `year`: 1 Jan, Good Friday, Easter Monday, 1 May, 25 and 26 Dec. */
export function target2Holidays(year: number): CalendarDate[] {
  const easter = easterSunday(year)
  return [
    makeDate(year, 1, 1),
    addDays(easter, -2),
    addDays(easter, 1),
    makeDate(year, 5, 1),
    makeDate(year, 12, 25),
    makeDate(year, 12, 26),
  ]
}

/** True on TARGET2 business days: Monday to Friday except the TARGET2 closing days. */
export function isBusinessDay(date: CalendarDate): boolean {
  if (isoWeekday(date) >= 6) return false
  return !target2Holidays(dateParts(date).year).includes(date)
}

/**
 * Moves `days` TARGET2 business days from `date` (negative: backwards). With 0, returns `date` itself if it is a
 * business day, else the next one. SEPA's D-1 for a due date `d` is `addBusinessDays(d, -1)`.
 */
export function addBusinessDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError('days must be a whole number')
  let current = date
  if (days === 0) {
    while (!isBusinessDay(current)) current = addDays(current, 1)
    return current
  }
  const step = days > 0 ? 1 : -1
  let remaining = Math.abs(days)
  while (remaining > 0) {
    current = addDays(current, step)
    if (isBusinessDay(current)) remaining -= 1
  }
  return current
}
