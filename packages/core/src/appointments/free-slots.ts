import { compareDates, isoWeekday, type CalendarDate } from '../calendar/calendar-date'
import type { BookedTime, StoredBlock } from './appointment-block'
import { localDateTimeOf, minutesOf, offsetAt, wallTimeOf, type WallTime } from './zoned-time'

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
  /** Only these ISO weekdays of the local date (1 = Monday … 7 = Sunday), the search's day presets. */
  readonly weekdays?: readonly number[] | undefined
  readonly locationId?: string | undefined
  /** Locations that are not active: their blocks offer nothing (they stay until they are deleted). */
  readonly closedLocationIds?: ReadonlySet<string> | undefined
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

/** One slot of a block as numbers: its start (ms), its local date and its minutes since local midnight. */
interface LocalStart {
  readonly start: number
  readonly date: CalendarDate
  readonly minutes: number
}

/**
 * Where a block's slots start, on the wall clock. Within a block the clock normally runs with the instants, so
 * the local times are the block's start plus whole slots — two time-zone lookups per block instead of one per
 * slot; only a block the clock changes in (a night of a DST change) is converted slot by slot.
 */
function localStartsOf(block: StoredBlock): LocalStart[] {
  const step = block.slotMinutes * 60_000
  const first = block.startsAt.getTime()
  const count = Math.max(0, Math.floor((block.endsAt.getTime() - first) / step))
  if (count === 0) return []
  const local = localDateTimeOf(block.startsAt, block.timeZone)
  const startMinutes = minutesOf(local.time)
  const last = first + (count - 1) * step
  const steady =
    offsetAt(first, block.timeZone) === offsetAt(last, block.timeZone) && startMinutes + (count - 1) * block.slotMinutes < 24 * 60
  const starts: LocalStart[] = []
  for (let i = 0; i < count; i++) {
    const start = first + i * step
    if (steady) starts.push({ start, date: local.date, minutes: startMinutes + i * block.slotMinutes })
    else {
      const at = localDateTimeOf(new Date(start), block.timeZone)
      starts.push({ start, date: at.date, minutes: minutesOf(at.time) })
    }
  }
  return starts
}

/** A block's slots with their local date and time (wall clock at the block's location). */
export function localSlotsOf(block: StoredBlock): { startsAt: Date; endsAt: Date; date: CalendarDate; time: WallTime }[] {
  const step = block.slotMinutes * 60_000
  return localStartsOf(block).map((s) => ({
    startsAt: new Date(s.start),
    endsAt: new Date(s.start + step),
    date: s.date,
    time: wallTimeOf(s.minutes),
  }))
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
    const times = list.map((b) => [b.startsAt.getTime(), b.endsAt.getTime()] as const).sort((a, b) => a[0] - b[0])
    let latest = -Infinity
    map.set(consultantId, {
      starts: times.map((t) => t[0]),
      latestEnd: times.map((t) => (latest = Math.max(latest, t[1]))),
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
  if (block.locationId !== null && filter.closedLocationIds?.has(block.locationId)) return false
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
  const notBefore = filter.notBefore?.getTime()
  const rank = new Map([...new Set(blocks.map((b) => b.consultantId))].sort().map((id, i) => [id, i]))
  const found: { start: number; rank: number; slot: FreeSlot }[] = []
  for (const block of blocks) {
    if (!matchesBlock(block, filter)) continue
    const step = block.slotMinutes * 60_000
    const own = taken.get(block.consultantId)
    for (const { start, date, minutes } of localStartsOf(block)) {
      if (notBefore !== undefined && start < notBefore) continue
      if (filter.fromDate && compareDates(date, filter.fromDate) < 0) continue
      if (filter.toDate && compareDates(date, filter.toDate) > 0) continue
      if (filter.weekdays && !filter.weekdays.includes(isoWeekday(date))) continue
      if (fromMinutes !== undefined && minutes < fromMinutes) continue
      if (toMinutes !== undefined && minutes >= toMinutes) continue
      if (isTaken(own, start, start + step)) continue
      const slot: FreeSlot = {
        blockId: block.id,
        consultantId: block.consultantId,
        startsAt: new Date(start),
        endsAt: new Date(start + step),
        date,
        time: wallTimeOf(minutes),
        timeZone: block.timeZone,
        typeId: block.typeId,
        locationId: block.locationId,
        onlineBookable: block.onlineBookable,
      }
      found.push({ start, rank: rank.get(block.consultantId)!, slot })
    }
  }
  // In time order, then by consultant: numbers compared, not dates and ids.
  return found.sort((a, b) => a.start - b.start || a.rank - b.rank).map((f) => f.slot)
}
