import { VereinskitError, addDays, daysBetween, type CalendarDate } from '@vereinskit/core'
import { advisesOn, freeSlots, instantAt, type FreeSlot, type SlotFilter } from '@vereinskit/core/appointments'
import type { OrganisationStorage } from '../../storage/organisation-storage'

/** The longest range one free-slot search covers. */
export const maxSearchDays = 92

/** The instants that surely cover a range of local dates in any time zone. */
export function instantsCovering(from: CalendarDate, to: CalendarDate): { from: Date; to: Date } {
  return {
    from: new Date(instantAt(from, '00:00', 'UTC').getTime() - 15 * 3_600_000),
    to: new Date(instantAt(addDays(to, 1), '00:00', 'UTC').getTime() + 15 * 3_600_000),
  }
}

/**
 * Loads the blocks and appointments of a local date range and answers the free slots (blocks minus
 * appointments, core's `freeSlots`), restricted to consultants who are active and advise on the topic, at
 * locations that are active (a closed office offers nothing, though its blocks stay until they are deleted).
 */
export async function searchFreeSlots(
  storage: OrganisationStorage,
  range: { from: CalendarDate; to: CalendarDate },
  filter: Omit<SlotFilter, 'fromDate' | 'toDate'> & { topicId?: string | undefined },
): Promise<FreeSlot[]> {
  if (daysBetween(range.from, range.to) < 0) throw new VereinskitError('INVALID_RANGE', 'The range starts after it ends.')
  if (daysBetween(range.from, range.to) >= maxSearchDays)
    throw new VereinskitError('INVALID_RANGE', `One search covers at most ${maxSearchDays} days.`)
  const consultants = (await storage.consultants.list()).filter((c) => c.active && advisesOn(c, filter.topicId))
  const allowed = consultants.map((c) => c.id).filter((id) => !filter.consultantIds || filter.consultantIds.includes(id))
  if (allowed.length === 0) return []
  const instants = instantsCovering(range.from, range.to)
  const [blocks, booked, locations] = await Promise.all([
    storage.calendar.blocks({ ...instants, consultantIds: allowed }),
    storage.appointments.booked({ ...instants, consultantIds: allowed }),
    storage.consultationLocations.list(),
  ])
  const closedLocationIds = new Set(locations.filter((l) => !l.active).map((l) => l.id))
  return freeSlots(blocks, booked, { ...filter, closedLocationIds, consultantIds: allowed, fromDate: range.from, toDate: range.to })
}
