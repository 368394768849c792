import { VereinskitError, addDays, compareDates, type CalendarDate } from '@vereinskit/core'
import { checkOnlineMember, onlineSlots, type FreeSlot, type OnlineSlotContext, type OnlineViewer } from '@vereinskit/core/appointments'
import type { ClubSettings } from '@vereinskit/core/settings'
import type { HandlerContext } from '../../http/route-handler'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { maxSearchDays, searchFreeSlots } from './slot-search'

// Who is asking online and what they may see: identification by membership number and date of birth (a portal
// login will be another way in), the member's consultants, the online types, and the slots that follow.

/** Finds the current member behind a membership number and date of birth (core's `checkOnlineMember`). */
export async function identify(
  storage: OrganisationStorage,
  member: { membershipNumber: number; dateOfBirth: CalendarDate },
  today: CalendarDate,
) {
  const id = (await storage.memberships.idsByNumbers([member.membershipNumber])).get(member.membershipNumber)
  const membership = id ? await storage.memberships.get(id) : undefined
  checkOnlineMember(membership && { ...membership, dateOfBirth: membership.person.dateOfBirth }, member.dateOfBirth, today)
  return membership!
}

export async function viewerOf(
  storage: OrganisationStorage,
  membership: { id: string; person: { id: string } },
  now: Date,
): Promise<OnlineViewer> {
  const home = await storage.calendar.homeConsultant(membership.id)
  return {
    homeConsultantId: home?.consultantId ?? null,
    lastConsultantId: await storage.appointments.lastConsultant(membership.person.id, now),
  }
}

export async function onlineType(storage: OrganisationStorage, typeId: string) {
  const type = await storage.consultationTypes.get(typeId)
  if (!type || !type.active || !type.onlineVisible)
    throw new VereinskitError('CONSULTATION_TYPE_NOT_FOUND', 'This consultation type is not offered online.')
  return type
}

/** What decides online bookability now: the settings, the clock, the online types and the active consultants. */
export async function onlineContext(
  storage: OrganisationStorage,
  settings: ClubSettings,
  context: HandlerContext,
  viewer: OnlineViewer | null,
): Promise<OnlineSlotContext> {
  const [consultants, types, locations] = await Promise.all([
    storage.consultants.list(),
    storage.consultationTypes.list(),
    storage.consultationLocations.list(),
  ])
  return {
    settings,
    now: context.clock.now(),
    today: context.today,
    onlineTypeIds: new Set(types.filter((t) => t.active && t.onlineVisible).map((t) => t.id)),
    activeConsultantIds: new Set(consultants.filter((c) => c.active).map((c) => c.id)),
    closedLocationIds: new Set(locations.filter((l) => !l.active).map((l) => l.id)),
    viewer,
  }
}

/**
 * The slots a viewer may book online now (core's `onlineSlots` over the free slots of online blocks), from
 * `fromDate` (today at the earliest) to `toDate` (the end of the booking window at the latest).
 */
export async function visibleSlots(
  storage: OrganisationStorage,
  settings: ClubSettings,
  context: HandlerContext,
  filter: {
    typeId: string
    locationId?: string | undefined
    consultantId?: string | undefined
    fromDate?: CalendarDate | undefined
    toDate?: CalendarDate | undefined
  },
  viewer: OnlineViewer | null,
): Promise<FreeSlot[]> {
  const from = filter.fromDate && compareDates(filter.fromDate, context.today) > 0 ? filter.fromDate : context.today
  let to = addDays(context.today, settings.onlineDaysAhead)
  if (filter.toDate && compareDates(filter.toDate, to) < 0) to = filter.toDate
  if (compareDates(addDays(from, maxSearchDays - 1), to) < 0) to = addDays(from, maxSearchDays - 1)
  if (compareDates(from, to) > 0) return []
  const slots = await searchFreeSlots(
    storage,
    { from, to },
    {
      typeId: filter.typeId,
      locationId: filter.locationId,
      consultantIds: filter.consultantId ? [filter.consultantId] : undefined,
      plannableOnly: false,
      onlineOnly: true,
      notBefore: context.clock.now(),
    },
  )
  return onlineSlots(slots, await onlineContext(storage, settings, context, viewer))
}
