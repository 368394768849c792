import type { CalendarDate } from '../calendar/calendar-date'
import type { WallTime } from './zoned-time'

/**
 * A block of a consultant's calendar (Terminblock): a stretch of time in which appointments of `slotMinutes`
 * can be booked, with its type, location and the two flags. Wall times are the location's; `startsAt`/`endsAt`
 * are the instants, so a block is right on both sides of a daylight-saving change.
 */
export interface AppointmentBlock {
  readonly consultantId: string
  readonly date: CalendarDate
  readonly from: WallTime
  readonly to: WallTime
  readonly startsAt: Date
  readonly endsAt: Date
  readonly typeId: string | null
  readonly locationId: string | null
  readonly timeZone: string
  readonly slotMinutes: number
  readonly plannable: boolean
  readonly onlineBookable: boolean
  readonly templateId: string | null
}

/** A stored block: a generated one with its id. */
export interface StoredBlock extends AppointmentBlock {
  readonly id: string
}

/** A booked appointment as far as calendars care: whose, and when (cancelled ones are not passed). */
export interface BookedTime {
  readonly consultantId: string
  readonly startsAt: Date
  readonly endsAt: Date
}

/** Whether two half-open time ranges [start, end) overlap. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime()
}
