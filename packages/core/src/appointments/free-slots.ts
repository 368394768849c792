import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { BookedTime, StoredBlock } from './appointment-block'
import { localDateTimeOf, minutesOf, type WallTime } from './zoned-time'

/** A bookable time: one slot of a block that no appointment of its consultant overlaps. */
export interface FreeSlot {
  readonly blockId: string
  readonly consultantId: string
  readonly startsAt: Date
  readonly endsAt: Date
  /** Local date and time at the block's location. */
  readonly date: CalendarDate
  readonly time: WallTime
  readonly timeZone: string
  readonly typeId: string | null
  readonly locationId: string | null
  readonly onlineBookable: boolean
}

/** What the free-slot search (Freie Termine) filters by; every part is optional. */
export interface SlotFilter {
  /** Local dates, inclusive. */
  readonly fromDate?: CalendarDate | undefined
  readonly toDate?: CalendarDate | undefined
  /** Local start times: a slot starting at `fromTime` is in, one starting at `toTime` is out. */
  readonly fromTime?: WallTime | undefined
  readonly toTime?: WallTime | undefined
  readonly locationId?: string | undefined
  readonly consultantIds?: readonly string[] | undefined
  readonly typeId?: string | undefined
  /** Only blocks marked "darf in freie Termine verplant werden" (staff search); default true. */
  readonly plannableOnly?: boolean | undefined
  /** Only blocks marked online bookable. */
  readonly onlineOnly?: boolean | undefined
  /** Slots starting before this instant are past and left out. */
  readonly notBefore?: Date | undefined
}

/** The slots a block is cut into: from its start, one every `slotMinutes`, each ending inside the block. */
export function slotsOf(block: StoredBlock): { startsAt: Date; endsAt: Date }[] {
  const step = block.slotMinutes * 60_000
  const slots: { startsAt: Date; endsAt: Date }[] = []
  for (let t = block.startsAt.getTime(); t + step <= block.endsAt.getTime(); t += step) {
    slots.push({ startsAt: new Date(t), endsAt: new Date(t + step) })
  }
  return slots
}

/** One consultant's appointments by start, with the latest end among each one and those before it. */
interface Taken {
  readonly starts: number[]
  readonly latestEnd: number[]
}

function byConsultant(booked: readonly BookedTime[]): Map<string, Taken> {
  const lists = new Map<string, BookedTime[]>()
  for (const b of booked) {
    const list = lists.get(b.consultantId) ?? []
    list.push(b)
    lists.set(b.consultantId, list)
  }
  const map = new Map<string, Taken>()
  for (const [consultantId, list] of lists) {
    list.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    let latest = -Infinity
    map.set(consultantId, {
      starts: list.map((b) => b.startsAt.getTime()),
      latestEnd: list.map((b) => (latest = Math.max(latest, b.endsAt.getTime()))),
    })
  }
  return map
}

/** Whether an appointment overlaps [start, end): among those starting before `end`, one ends after `start`. */
function isTaken(taken: Taken | undefined, start: number, end: number): boolean {
  if (!taken) return false
  let lo = 0
  let hi = taken.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (taken.starts[mid]! < end) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && taken.latestEnd[lo - 1]! > start
}

function matchesBlock(block: StoredBlock, filter: SlotFilter): boolean {
  if ((filter.plannableOnly ?? true) && !block.plannable) return false
  if (filter.onlineOnly && !block.onlineBookable) return false
  if (filter.locationId && block.locationId !== filter.locationId) return false
  if (filter.typeId && block.typeId !== filter.typeId) return false
  if (filter.consultantIds && !filter.consultantIds.includes(block.consultantId)) return false
  return true
}

/**
 * The free slots (freie Termine): every block's slots minus those an appointment of the same consultant
 * overlaps, filtered and in time order (then by consultant). Dates and times are the location's local ones, so
 * "9:00" means nine o'clock on the wall, in summer and in winter.
 */
export function freeSlots(blocks: readonly StoredBlock[], booked: readonly BookedTime[], filter: SlotFilter = {}): FreeSlot[] {
  const taken = byConsultant(booked)
  const fromMinutes = filter.fromTime === undefined ? undefined : minutesOf(filter.fromTime)
  const toMinutes = filter.toTime === undefined ? undefined : minutesOf(filter.toTime)
  const slots: FreeSlot[] = []
  for (const block of blocks) {
    if (!matchesBlock(block, filter)) continue
    for (const slot of slotsOf(block)) {
      if (filter.notBefore && slot.startsAt.getTime() < filter.notBefore.getTime()) continue
      const local = localDateTimeOf(slot.startsAt, block.timeZone)
      if (filter.fromDate && compareDates(local.date, filter.fromDate) < 0) continue
      if (filter.toDate && compareDates(local.date, filter.toDate) > 0) continue
      const minutes = minutesOf(local.time)
      if (fromMinutes !== undefined && minutes < fromMinutes) continue
      if (toMinutes !== undefined && minutes >= toMinutes) continue
      if (isTaken(taken.get(block.consultantId), slot.startsAt.getTime(), slot.endsAt.getTime())) continue
      slots.push({
        blockId: block.id,
        consultantId: block.consultantId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        date: local.date,
        time: local.time,
        timeZone: block.timeZone,
        typeId: block.typeId,
        locationId: block.locationId,
        onlineBookable: block.onlineBookable,
      })
    }
  }
  return slots.sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() || (a.consultantId < b.consultantId ? -1 : a.consultantId > b.consultantId ? 1 : 0),
  )
}
