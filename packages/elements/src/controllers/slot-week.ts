import { addDays, compareDates, isoWeekday, type CalendarDate } from '@vereinskit/core'
import type { OnlineSlot } from './booking-controller'

/** The Monday of the week a date lies in (weeks run Monday to Sunday, as in the club's calendar templates). */
export function weekStartOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date))
}

/** The seven dates of the week that starts on `monday`. */
export function weekDays(monday: CalendarDate): CalendarDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The slots of each day, in time order; days without slots are kept (empty), so a week view has seven columns. */
export function slotsByDay(slots: readonly OnlineSlot[], days: readonly CalendarDate[]): Map<CalendarDate, OnlineSlot[]> {
  const byDay = new Map<CalendarDate, OnlineSlot[]>(days.map((d) => [d, []]))
  for (const slot of slots) byDay.get(slot.date)?.push(slot)
  for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return byDay
}

/** Whether a date lies in [first, last]. */
export function isWithin(date: CalendarDate, first: CalendarDate, last: CalendarDate): boolean {
  return compareDates(date, first) >= 0 && compareDates(date, last) <= 0
}

/**
 * Where the arrow keys move in the week view: left and right go to the neighbouring day that has slots (keeping
 * the row as far as that day has one), up and down within the day, Home and End to the week's first and last
 * slot. Answers the target's [day, row] or undefined when the key does not move.
 */
export function moveInWeek(columns: readonly number[], at: readonly [number, number], key: string): readonly [number, number] | undefined {
  const [day, row] = at
  const filled = columns.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0)
  if (filled.length === 0) return undefined
  if (key === 'ArrowUp') return row > 0 ? [day, row - 1] : undefined
  if (key === 'ArrowDown') return row < (columns[day] ?? 0) - 1 ? [day, row + 1] : undefined
  if (key === 'Home') return [filled[0]!, 0]
  if (key === 'End') return [filled.at(-1)!, (columns[filled.at(-1)!] ?? 1) - 1]
  const next =
    key === 'ArrowRight' ? filled.find((i) => i > day) : key === 'ArrowLeft' ? [...filled].reverse().find((i) => i < day) : undefined
  return next === undefined ? undefined : [next, Math.min(row, (columns[next] ?? 1) - 1)]
}
