import { VereinskitError, addDays } from '@vereinskit/core'
import { canSendConfirmation, instantAt, overlaps } from '@vereinskit/core/appointments'
import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { appointmentView, appointmentViews, loadNames, slotView } from './appointment-view'
import { newCancellationToken, queueCancellationNotice, queueConfirmation, withdrawUnsentMail } from './appointment-mail'
import { searchFreeSlots } from './slot-search'
import { takeSlot } from './take-slot'

type Handlers = RouteHandlers<typeof contract.appointments>

export async function mustGetAppointment(storage: OrganisationStorage, id: string, open = true) {
  const appointment = await storage.appointments.get(id)
  if (!appointment) throw notFound('APPOINTMENT_NOT_FOUND', 'Appointment', id)
  if (open && appointment.cancelledAt) throw new VereinskitError('APPOINTMENT_CANCELLED', 'The appointment was cancelled; book a new one.')
  return appointment
}

async function checkTypeAndTopic(storage: OrganisationStorage, typeId: string | null | undefined, topicId: string | null | undefined) {
  const type = typeId ? await storage.consultationTypes.get(typeId) : null
  if (typeId && !type) throw notFound('CONSULTATION_TYPE_NOT_FOUND', 'Consultation type', typeId)
  if (topicId && !(await storage.consultationTopics.get(topicId)))
    throw notFound('CONSULTATION_TOPIC_NOT_FOUND', 'Consultation topic', topicId)
  return type ?? null
}

/**
 * Booking by staff and everything after it (handbook §5, §11.4). Permissions for the roles issue: `book` needs
 * TERMERST; `cancel` is refused to roles holding the deny right TERMNILOESCH (docs/decisions/0000#d26).
 * @see docs/decisions/0022-appointments.md
 */
export const appointmentHandlers: Pick<
  Handlers,
  'freeSlots' | 'book' | 'list' | 'get' | 'update' | 'reschedule' | 'changeConsultant' | 'markAttended' | 'cancel' | 'setHomeConsultant'
> = {
  async freeSlots({ query }, { storage, today, clock }) {
    let { consultantId, locationId } = query
    if (query.membershipId) {
      if (!(await storage.memberships.get(query.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', query.membershipId)
      const home = await storage.calendar.homeConsultant(query.membershipId)
      consultantId ??= home?.consultantId ?? undefined
      locationId ??= home?.locationId ?? undefined
    }
    const from = query.fromDate ?? today
    const slots = await searchFreeSlots(
      storage,
      { from, to: query.toDate ?? addDays(from, 27) },
      {
        fromTime: query.fromTime,
        toTime: query.toTime,
        weekdays: query.weekdays,
        locationId,
        typeId: query.typeId,
        topicId: query.topicId,
        consultantIds: consultantId ? [consultantId] : undefined,
        notBefore: clock.now(),
      },
    )
    const names = await loadNames(storage)
    return { items: slots.slice(0, query.limit).map((s) => slotView(s, names)) }
  },

  book: ({ body }, { storage, clock, organisation, actor }) =>
    storage.transaction(async (tx) => {
      const person = await tx.people.get(body.personId)
      if (!person) throw notFound('PERSON_NOT_FOUND', 'Person', body.personId)
      if (body.membershipId && !(await tx.memberships.get(body.membershipId)))
        throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', body.membershipId)
      const now = clock.now()
      const { block, startsAt, endsAt } = await takeSlot(tx, body.slot, { now, channel: 'staff' })
      const typeId = body.typeId !== undefined ? body.typeId : block.typeId
      const type = await checkTypeAndTopic(tx, typeId, body.topicId)
      if (body.sendConfirmation && !canSendConfirmation(type, person.email)) {
        throw new VereinskitError(
          'CONFIRMATION_NOT_AVAILABLE',
          type?.confirmation ? 'The person has no e-mail address.' : 'The consultation type has no confirmation template.',
        )
      }
      const { token, hash } = newCancellationToken()
      const appointment = await tx.appointments.insert({
        consultantId: block.consultantId,
        blockId: block.id,
        locationId: block.locationId,
        typeId,
        topicId: body.topicId ?? null,
        kind: body.kind,
        personId: person.id,
        membershipId: body.membershipId ?? null,
        startsAt,
        endsAt,
        timeZone: block.timeZone,
        title: body.title,
        note: body.note,
        bookedVia: 'staff',
        cancelTokenHash: hash,
        confirmationQueued: body.sendConfirmation,
        createdBy: actor,
      })
      if (body.sendConfirmation) {
        await queueConfirmation(tx, appointment, {
          settings: await tx.finance.getSettings(),
          organisationName: organisation.name,
          now,
          token,
        })
      }
      return appointmentView(tx, appointment)
    }),

  async list({ query }, { storage, organisation }) {
    const tz = organisation.timeZone
    const records = await storage.appointments.list({
      from: query.fromDate ? instantAt(query.fromDate, '00:00', tz) : undefined,
      to: query.toDate ? instantAt(addDays(query.toDate, 1), '00:00', tz) : undefined,
      consultantId: query.consultantId,
      locationId: query.locationId,
      personId: query.personId,
      appointmentId: query.appointmentId,
      includeCancelled: query.includeCancelled,
      // The time of day is filtered on local times after loading: the limit applies to what is left.
      limit: query.fromTime || query.toTime ? undefined : query.limit,
    })
    const views = await appointmentViews(storage, records)
    const inTime = (time: string) => (!query.fromTime || time >= query.fromTime) && (!query.toTime || time < query.toTime)
    return { items: views.filter((v) => inTime(v.time)).slice(0, query.limit) }
  },

  async get({ params }, { storage }) {
    return appointmentView(storage, await mustGetAppointment(storage, params.appointmentId, false))
  },

  update: ({ params, body }, { storage }) =>
    storage.transaction(async (tx) => {
      const appointment = await mustGetAppointment(tx, params.appointmentId)
      await checkTypeAndTopic(tx, body.typeId, body.topicId)
      return appointmentView(tx, await tx.appointments.update(appointment.id, body))
    }),

  reschedule: ({ params, body }, { storage, clock, organisation }) =>
    storage.transaction(async (tx) => {
      const appointment = await mustGetAppointment(tx, params.appointmentId)
      const now = clock.now()
      const { block, startsAt, endsAt } = await takeSlot(tx, body.slot, { now, channel: 'staff', movingId: appointment.id })
      // A member who had a confirmation gets a new one with a new link (the old one stops working); without one,
      // the member's link (from the booking page) stays valid. Mail for the old time that has not gone out is withdrawn.
      const { token, hash } = appointment.confirmationQueued ? newCancellationToken() : { token: null, hash: appointment.cancelTokenHash }
      await withdrawUnsentMail(tx, appointment.id)
      const moved = await tx.appointments.update(appointment.id, {
        consultantId: block.consultantId,
        blockId: block.id,
        locationId: block.locationId,
        startsAt,
        endsAt,
        timeZone: block.timeZone,
        // The new block's type when it has one (docs/decisions/0022: the type is not lost on rescheduling).
        typeId: block.typeId ?? appointment.typeId,
        cancelTokenHash: hash,
        reminderQueuedAt: null,
      })
      if (appointment.confirmationQueued) {
        await queueConfirmation(tx, moved, { settings: await tx.finance.getSettings(), organisationName: organisation.name, now, token })
      }
      return appointmentView(tx, moved)
    }),

  changeConsultant: ({ body }, { storage }) =>
    storage.transaction(async (tx) => {
      const target = await tx.consultants.get(body.consultantId)
      if (!target) throw notFound('CONSULTANT_NOT_FOUND', 'Consultant', body.consultantId)
      if (!target.active) throw new VereinskitError('CONSULTANT_INACTIVE', `${target.name} is inactive.`)
      await tx.calendar.lockConsultant(target.id)
      const changed = []
      let freedBlocks = 0
      for (const id of new Set(body.appointmentIds)) {
        const appointment = await mustGetAppointment(tx, id)
        if (appointment.consultantId === target.id) {
          changed.push(appointment)
          continue
        }
        const window = { from: appointment.startsAt, to: appointment.endsAt }
        if ((await tx.appointments.booked({ ...window, consultantIds: [target.id] })).length > 0) {
          throw new VereinskitError(
            'SLOT_NOT_AVAILABLE',
            `${target.name} has an appointment at ${appointment.startsAt.toISOString()} already.`,
          )
        }
        const dayBlocks = await tx.calendar.blocks({ from: new Date(appointment.startsAt.getTime() - 86_400_000), to: appointment.endsAt })
        const own = dayBlocks.find((b) => b.consultantId === target.id && overlaps(b, appointment))
        freedBlocks += dayBlocks.filter((b) => b.consultantId === appointment.consultantId && overlaps(b, appointment)).length
        changed.push(await tx.appointments.update(appointment.id, { consultantId: target.id, blockId: own?.id ?? null }))
      }
      return {
        items: await appointmentViews(tx, changed),
        freedBlocks,
        warning:
          freedBlocks > 0
            ? `The previous consultant's blocks at these times are free again and can be booked, also online. If the change is for an absence, delete those blocks (appointment-blocks/deletion).`
            : null,
      }
    }),

  markAttended: ({ params }, { storage }) =>
    storage.transaction(async (tx) => {
      const appointment = await mustGetAppointment(tx, params.appointmentId)
      return appointmentView(tx, appointment.attended ? appointment : await tx.appointments.update(appointment.id, { attended: true }))
    }),

  cancel: ({ params }, { storage, clock, organisation }) =>
    storage.transaction(async (tx) => {
      const appointment = await mustGetAppointment(tx, params.appointmentId)
      const now = clock.now()
      const cancelled = await tx.appointments.update(appointment.id, { cancelledAt: now, cancelledBy: 'staff' })
      await withdrawUnsentMail(tx, appointment.id)
      await queueCancellationNotice(tx, cancelled, { settings: await tx.finance.getSettings(), organisationName: organisation.name, now })
      return appointmentView(tx, cancelled)
    }),

  setHomeConsultant: ({ params, body }, { storage }) =>
    storage.transaction(async (tx) => {
      if (!(await tx.memberships.get(params.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
      if (body.consultantId && !(await tx.consultants.get(body.consultantId)))
        throw notFound('CONSULTANT_NOT_FOUND', 'Consultant', body.consultantId)
      if (body.locationId && !(await tx.consultationLocations.get(body.locationId)))
        throw notFound('LOCATION_NOT_FOUND', 'Location', body.locationId)
      await tx.calendar.setHomeConsultant(params.membershipId, body)
      return { membershipId: params.membershipId, ...body }
    }),
}
