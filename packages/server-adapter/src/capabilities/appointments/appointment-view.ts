import { localDateTimeOf, type FreeSlot, type StoredBlock } from '@vereinskit/core/appointments'
import { displayName } from '@vereinskit/core/people'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { AppointmentRecord } from './appointment-store'

/** Names the views show, loaded once for a list. */
export interface Names {
  consultant(id: string): string
  location(id: string | null): string | null
  type(id: string | null): string | null
}

/** Loads the catalogue names for views. */
export async function loadNames(storage: OrganisationStorage): Promise<Names> {
  const [consultants, locations, types] = await Promise.all([
    storage.consultants.list(),
    storage.consultationLocations.list(),
    storage.consultationTypes.list(),
  ])
  const byId = <T extends { id: string; name: string }>(list: T[]) => new Map(list.map((x) => [x.id, x.name]))
  const c = byId(consultants)
  const l = byId(locations)
  const t = byId(types)
  return {
    consultant: (id) => c.get(id) ?? '',
    location: (id) => (id ? (l.get(id) ?? null) : null),
    type: (id) => (id ? (t.get(id) ?? null) : null),
  }
}

/** A free slot as the contract shows it. */
export function slotView(slot: FreeSlot, names: Names) {
  return {
    blockId: slot.blockId,
    consultantId: slot.consultantId,
    consultantName: names.consultant(slot.consultantId),
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    date: slot.date,
    time: slot.time,
    timeZone: slot.timeZone,
    typeId: slot.typeId,
    typeName: names.type(slot.typeId),
    locationId: slot.locationId,
    locationName: names.location(slot.locationId),
  }
}

/** A block as the contract shows it (id null in a preview). */
export function blockView(block: Omit<StoredBlock, 'id'> & { id?: string }) {
  return {
    id: block.id ?? null,
    consultantId: block.consultantId,
    date: block.date,
    from: block.from,
    to: block.to,
    startsAt: block.startsAt.toISOString(),
    endsAt: block.endsAt.toISOString(),
    timeZone: block.timeZone,
    typeId: block.typeId,
    locationId: block.locationId,
    slotMinutes: block.slotMinutes,
    plannable: block.plannable,
    onlineBookable: block.onlineBookable,
  }
}

/** Appointments as the contract shows them, with person names and membership numbers. */
export async function appointmentViews(storage: OrganisationStorage, records: readonly AppointmentRecord[], names?: Names) {
  const known = names ?? (await loadNames(storage))
  const persons = new Map<string, string>()
  for (const id of new Set(records.map((r) => r.personId))) {
    const person = await storage.people.get(id)
    persons.set(id, person ? displayName(person) : '')
  }
  const numbers = new Map<string, number>()
  for (const id of new Set(records.map((r) => r.membershipId).filter((m): m is string => m !== null))) {
    const membership = await storage.memberships.get(id)
    if (membership) numbers.set(id, membership.number)
  }
  return records.map((r) => {
    const local = localDateTimeOf(r.startsAt, r.timeZone)
    return {
      id: r.id,
      consultantId: r.consultantId,
      consultantName: known.consultant(r.consultantId),
      blockId: r.blockId,
      locationId: r.locationId,
      locationName: known.location(r.locationId),
      typeId: r.typeId,
      typeName: known.type(r.typeId),
      topicId: r.topicId,
      kind: r.kind,
      personId: r.personId,
      personName: persons.get(r.personId) ?? '',
      membershipId: r.membershipId,
      membershipNumber: r.membershipId ? (numbers.get(r.membershipId) ?? null) : null,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      date: local.date,
      time: local.time,
      timeZone: r.timeZone,
      title: r.title,
      note: r.note,
      attended: r.attended,
      bookedVia: r.bookedVia,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      cancelledBy: r.cancelledBy,
      confirmationQueued: r.confirmationQueued,
    }
  })
}

/** One appointment as the contract shows it. */
export async function appointmentView(storage: OrganisationStorage, record: AppointmentRecord) {
  return (await appointmentViews(storage, [record]))[0]!
}
