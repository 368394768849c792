import { createHash, randomBytes } from 'node:crypto'
import type { ClubSettings } from '@vereinskit/core/settings'
import {
  appointmentIcs,
  defaultCancellationNotice,
  defaultReminder,
  localDateTimeOf,
  renderAppointmentMail,
  type ConfirmationTemplate,
} from '@vereinskit/core/appointments'
import { displayName } from '@vereinskit/core/people'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { MailMessage } from '../correspondence/mail-delivery-store'
import type { AppointmentRecord } from './appointment-store'

/** A new cancellation token and the hash that is stored (the token itself never is). */
export function newCancellationToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The member's cancellation link on the club's booking page, or '' without one. */
export function cancelUrl(settings: ClubSettings, appointmentId: string, token: string | null): string {
  if (!settings.appointmentPageUrl || !token) return ''
  const url = new URL(settings.appointmentPageUrl)
  url.searchParams.set('vk-appointment', appointmentId)
  url.searchParams.set('vk-token', token)
  return url.href
}

/** The .ics file of an appointment, with what the member needs to find the place. */
export async function icsOf(
  storage: OrganisationStorage,
  appointment: AppointmentRecord,
  stamp: Date,
  organisationName: string,
): Promise<string> {
  const [consultant, location, type] = await Promise.all([
    storage.consultants.get(appointment.consultantId),
    appointment.locationId ? storage.consultationLocations.get(appointment.locationId) : undefined,
    appointment.typeId ? storage.consultationTypes.get(appointment.typeId) : undefined,
  ])
  const place = location
    ? [location.name, location.street, `${location.postcode} ${location.city}`.trim()].filter(Boolean).join(', ')
    : undefined
  return appointmentIcs({
    uid: `appointment-${appointment.id}@vereinskit`,
    sequence: appointment.sequence,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    stamp,
    summary: `${type?.name ?? 'Beratung'}: ${organisationName}`,
    description: [consultant ? `Beratung bei ${consultant.name}` : '', appointment.note].filter(Boolean).join('\n'),
    location: place,
    cancelled: appointment.cancelledAt !== null,
  })
}

/**
 * Builds an appointment e-mail (confirmation with the type's template, or the reminder) with the .ics attached.
 * Answers null when the person has no e-mail address.
 */
export async function appointmentMessage(
  storage: OrganisationStorage,
  appointment: AppointmentRecord,
  template: ConfirmationTemplate,
  context: { settings: ClubSettings; organisationName: string; now: Date; token: string | null },
): Promise<{ recipient: string; message: MailMessage } | null> {
  const person = await storage.people.get(appointment.personId)
  if (!person?.email) return null
  const [consultant, location, type] = await Promise.all([
    storage.consultants.get(appointment.consultantId),
    appointment.locationId ? storage.consultationLocations.get(appointment.locationId) : undefined,
    appointment.typeId ? storage.consultationTypes.get(appointment.typeId) : undefined,
  ])
  const local = localDateTimeOf(appointment.startsAt, appointment.timeZone)
  const mail = renderAppointmentMail(template, {
    clubName: context.organisationName,
    personName: displayName(person),
    date: local.date,
    time: local.time,
    consultant: consultant?.name ?? '',
    type: type?.name ?? '',
    location: location ? [location.name, location.street, `${location.postcode} ${location.city}`.trim()].filter(Boolean).join(', ') : '',
    cancelUrl: cancelUrl(context.settings, appointment.id, context.token),
  })
  return {
    recipient: person.email,
    message: {
      from: null,
      subject: mail.subject,
      text: mail.text,
      attachments: [
        {
          filename: 'termin.ics',
          contentType: `text/calendar; charset=utf-8; method=${appointment.cancelledAt ? 'CANCEL' : 'PUBLISH'}`,
          content: await icsOf(storage, appointment, context.now, context.organisationName),
        },
      ],
    },
  }
}

/** Queues the confirmation of an appointment (the type's template); false when none can go out. */
export async function queueConfirmation(
  tx: OrganisationStorage,
  appointment: AppointmentRecord,
  context: { settings: ClubSettings; organisationName: string; now: Date; token: string | null },
): Promise<boolean> {
  const type = appointment.typeId ? await tx.consultationTypes.get(appointment.typeId) : undefined
  if (!type?.confirmation) return false
  const mail = await appointmentMessage(tx, appointment, type.confirmation, context)
  if (!mail) return false
  const queued = await tx.mailDeliveries.queueMessages(
    [
      {
        ...mail,
        messageId: `<appointment-${appointment.id}-${appointment.sequence}@vereinskit>`,
        dedupeKey: `appointment-confirmation:${appointment.id}:${appointment.sequence}`,
      },
    ],
    context.now,
  )
  return queued > 0
}

/**
 * Withdraws the appointment's confirmation and reminder that have not gone out yet: after a move they would name
 * the old time, after a cancellation an appointment that no longer exists.
 */
export async function withdrawUnsentMail(tx: OrganisationStorage, appointmentId: string): Promise<void> {
  await tx.mailDeliveries.cancelUnsent(`appointment-confirmation:${appointmentId}:`)
  await tx.mailDeliveries.cancelUnsent(`appointment-reminder:${appointmentId}:`)
}

/**
 * Tells a member who had a confirmation that the appointment is cancelled (by staff, or through their own link),
 * with the calendar file that removes it; once per appointment. False when there is nobody to tell.
 */
export async function queueCancellationNotice(
  tx: OrganisationStorage,
  appointment: AppointmentRecord,
  context: { settings: ClubSettings; organisationName: string; now: Date },
): Promise<boolean> {
  if (!appointment.confirmationQueued || !appointment.cancelledAt) return false
  const mail = await appointmentMessage(tx, appointment, defaultCancellationNotice, { ...context, token: null })
  if (!mail) return false
  const queued = await tx.mailDeliveries.queueMessages(
    [
      {
        ...mail,
        messageId: `<appointment-cancelled-${appointment.id}@vereinskit>`,
        dedupeKey: `appointment-cancellation:${appointment.id}`,
      },
    ],
    context.now,
  )
  return queued > 0
}

/**
 * The reminder job (Erinnerung zum Beratungstermin): appointments starting within the club's reminder hours get one
 * reminder each. Claiming (reminder_queued_at) and queueing share the transaction, so two instances never send two.
 */
export async function queueDueReminders(tx: OrganisationStorage, now: Date, organisationName: string): Promise<number> {
  const settings = await tx.finance.getSettings()
  if (settings.appointmentReminderHours === null) return 0
  const due = await tx.appointments.claimReminders(now, new Date(now.getTime() + settings.appointmentReminderHours * 3_600_000))
  let queued = 0
  for (const appointment of due) {
    const mail = await appointmentMessage(tx, appointment, defaultReminder, { settings, organisationName, now, token: null })
    if (!mail) continue
    queued += await tx.mailDeliveries.queueMessages(
      [
        {
          ...mail,
          messageId: `<appointment-reminder-${appointment.id}-${appointment.sequence}@vereinskit>`,
          dedupeKey: `appointment-reminder:${appointment.id}:${appointment.sequence}`,
        },
      ],
      now,
    )
  }
  return queued
}
