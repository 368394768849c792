import { timingSafeEqual } from 'node:crypto'
import { VereinskitError } from '@vereinskit/core'
import {
  canSendConfirmation,
  cancellationDeadline,
  checkOnlineBookingLimit,
  checkOnlineCancellation,
  localDateTimeOf,
  isOnlineBookable,
  type OnlineViewer,
} from '@vereinskit/core/appointments'
import type { ClubSettings } from '@vereinskit/core/settings'
import type { contract } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { AppointmentRecord } from './appointment-store'
import { hashToken, icsOf, newCancellationToken, queueCancellationNotice, queueConfirmation, withdrawUnsentMail } from './appointment-mail'
import { takeSlot } from './take-slot'
import { identify, onlineContext, onlineType, viewerOf, visibleSlots } from './online-viewer'

async function receipt(storage: OrganisationStorage, a: AppointmentRecord, token: string, settings: ClubSettings, context: HandlerContext) {
  const [consultant, location, type] = await Promise.all([
    storage.consultants.get(a.consultantId),
    a.locationId ? storage.consultationLocations.get(a.locationId) : undefined,
    a.typeId ? storage.consultationTypes.get(a.typeId) : undefined,
  ])
  const local = localDateTimeOf(a.startsAt, a.timeZone)
  return {
    appointmentId: a.id,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    date: local.date,
    time: local.time,
    timeZone: a.timeZone,
    consultantName: consultant?.name ?? '',
    typeName: type?.name ?? '',
    locationName: location?.name ?? null,
    locationAddress: location ? [location.street, `${location.postcode} ${location.city}`.trim()].filter(Boolean).join(', ') : null,
    ics: await icsOf(storage, a, context.clock.now(), context.organisation.name),
    cancellationToken: token,
    cancellableUntil: cancellationDeadline(a.startsAt, settings).toISOString(),
    confirmationQueued: a.confirmationQueued,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
  }
}

/** The appointment behind a link, when the token is its own. */
async function byLink(storage: OrganisationStorage, appointmentId: string, token: string): Promise<AppointmentRecord> {
  const a = await storage.appointments.get(appointmentId)
  const expected = a?.cancelTokenHash ? Buffer.from(a.cancelTokenHash, 'hex') : Buffer.alloc(32)
  const given = Buffer.from(hashToken(token), 'hex')
  if (!a || !a.cancelTokenHash || !timingSafeEqual(expected, given))
    throw new VereinskitError('CANCELLATION_LINK_INVALID', 'The link is invalid or was replaced by a newer one.')
  return a
}

/**
 * Online booking for club websites (handbook "Einrichtung von MIA-Online", §3): members only, identified by
 * membership number and date of birth; limits from the club settings.
 * @see docs/decisions/0022-appointments.md
 */
export const onlineBookingHandlers: RouteHandlers<typeof contract.onlineBooking> = {
  async form(_input, { storage, organisation, today }) {
    const [settings, types, locations, topics] = await Promise.all([
      storage.finance.getSettings(),
      storage.consultationTypes.list(),
      storage.consultationLocations.list(),
      storage.consultationTopics.list(),
    ])
    return {
      organisationName: organisation.name,
      today,
      types: types.filter((t) => t.active && t.onlineVisible).map((t) => ({ id: t.id, name: t.name })),
      locations: locations
        .filter((l) => l.active)
        .map((l) => ({
          id: l.id,
          name: l.name,
          address: [l.street, `${l.postcode} ${l.city}`.trim()].filter(Boolean).join(', '),
          timeZone: l.timeZone,
        })),
      topics: topics.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name })),
      slotsNeedMember: settings.onlineConsultants !== 'all',
      daysAhead: settings.onlineDaysAhead,
      maxOpenBookings: settings.onlineMaxOpenBookings,
      cancellationHours: settings.onlineCancellationHours,
    }
  },

  async slots({ body }, context) {
    const { storage } = context
    const settings = await storage.finance.getSettings()
    await onlineType(storage, body.typeId)
    let viewer: OnlineViewer | null = null
    if (body.member) viewer = await viewerOf(storage, await identify(storage, body.member, context.today), context.clock.now())
    else if (settings.onlineConsultants !== 'all')
      throw new VereinskitError('MEMBER_NOT_IDENTIFIED', 'Enter your membership number and date of birth to see your free appointments.')
    const slots = await visibleSlots(storage, settings, context, body, viewer)
    const names = new Map((await storage.consultants.list()).map((c) => [c.id, c.name]))
    return {
      items: slots.map((s) => ({
        blockId: s.blockId,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        date: s.date,
        time: s.time,
        timeZone: s.timeZone,
        consultantId: s.consultantId,
        consultantName: names.get(s.consultantId) ?? '',
        typeId: s.typeId!,
        locationId: s.locationId,
      })),
    }
  },

  book: ({ body }, context) =>
    context.storage.transaction(async (tx) => {
      const now = context.clock.now()
      const settings = await tx.finance.getSettings()
      const type = await onlineType(tx, body.typeId)
      if (body.topicId && !(await tx.consultationTopics.get(body.topicId)))
        throw new VereinskitError('CONSULTATION_TOPIC_NOT_FOUND', 'The topic does not exist.')
      const membership = await identify(tx, body.member, context.today)
      // Under the person's lock: two bookings of one member at once cannot both pass the limit.
      const person = await tx.people.getForUpdate(membership.person.id)
      checkOnlineBookingLimit(await tx.appointments.openCount(membership.person.id, now), settings)
      const { block, startsAt, endsAt } = await takeSlot(tx, body.slot, { now, channel: 'online' })
      // The chosen slot is checked by every rule of online visibility except the cap on how many are listed: the
      // member may have found it on a later page or under a filter.
      const local = localDateTimeOf(startsAt, block.timeZone)
      const chosen = { ...block, blockId: block.id, startsAt, endsAt, date: local.date, time: local.time }
      const online = await onlineContext(tx, settings, context, await viewerOf(tx, membership, now))
      if (block.typeId !== type.id || !isOnlineBookable(chosen, online)) {
        throw new VereinskitError('OUTSIDE_BOOKING_WINDOW', 'This time is not offered for online booking; choose one of the listed slots.')
      }
      const { token, hash } = newCancellationToken()
      const confirm = canSendConfirmation(type, person?.email)
      const appointment = await tx.appointments.insert({
        consultantId: block.consultantId,
        blockId: block.id,
        locationId: block.locationId,
        typeId: type.id,
        topicId: body.topicId ?? null,
        kind: 'consultation',
        personId: membership.person.id,
        membershipId: membership.id,
        startsAt,
        endsAt,
        timeZone: block.timeZone,
        title: '',
        note: body.note,
        bookedVia: 'online',
        cancelTokenHash: hash,
        confirmationQueued: confirm,
        createdBy: context.actor,
      })
      if (confirm) await queueConfirmation(tx, appointment, { settings, organisationName: context.organisation.name, now, token })
      return receipt(tx, appointment, token, settings, context)
    }),

  async booking({ params, query }, context) {
    const appointment = await byLink(context.storage, params.appointmentId, query.token)
    return receipt(context.storage, appointment, query.token, await context.storage.finance.getSettings(), context)
  },

  cancel: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const appointment = await byLink(tx, params.appointmentId, body.token)
      if (appointment.cancelledAt) throw new VereinskitError('APPOINTMENT_CANCELLED', 'The appointment is cancelled already.')
      const settings = await tx.finance.getSettings()
      const now = context.clock.now()
      checkOnlineCancellation(appointment.startsAt, now, settings)
      const cancelled = await tx.appointments.update(appointment.id, { cancelledAt: now, cancelledBy: 'member' })
      await withdrawUnsentMail(tx, appointment.id)
      await queueCancellationNotice(tx, cancelled, { settings, organisationName: context.organisation.name, now })
      return receipt(tx, cancelled, body.token, settings, context)
    }),
}
