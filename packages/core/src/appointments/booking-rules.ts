import * as z from 'zod'
import { VereinskitError } from '../errors/vereinskit-error'

/** An appointment's note (Notiz): up to 500 characters (handbook version notes, formerly 255). */
export const AppointmentNote = z.string().trim().max(500, 'A note holds up to 500 characters.')

/** The short title (Kurztitel). */
export const AppointmentTitle = z.string().trim().max(120)

/** What the appointment type (Termintyp) is: a consultation at the office, or on site. */
export const AppointmentKind = z.enum(['consultation', 'on-site'])
export type AppointmentKind = z.infer<typeof AppointmentKind>

/**
 * What may change after booking (handbook §11.4): short title, consultation type, topic and note. Date and time
 * change by rescheduling, the consultant by a consultant change; kind and location never.
 */
export const AppointmentChanges = z.strictObject({
  title: AppointmentTitle.optional(),
  typeId: z.uuid().nullable().optional(),
  topicId: z.uuid().nullable().optional(),
  note: AppointmentNote.optional(),
})
export type AppointmentChanges = z.output<typeof AppointmentChanges>

/** The limits of online booking and cancelling (OnlineTerminMaximum, OnlineTerminAbsVorlauf). */
export interface OnlineLimits {
  /** How many open (future, not cancelled) appointments a member may have when booking online; default 1. */
  readonly onlineMaxOpenBookings: number
  /** Hours before its start until which a member may cancel online. */
  readonly onlineCancellationHours: number
}

/**
 * Refuses an online booking when the member has `onlineMaxOpenBookings` open appointments already: with the
 * default of 1, the next one can be booked once no future appointment is left (handbook, MIA-Online step 3).
 */
export function checkOnlineBookingLimit(openAppointments: number, limits: OnlineLimits): void {
  if (openAppointments >= limits.onlineMaxOpenBookings) {
    throw new VereinskitError(
      'ONLINE_BOOKING_LIMIT',
      `You have ${openAppointments} open appointment${openAppointments === 1 ? '' : 's'}; ${limits.onlineMaxOpenBookings} may be booked online at a time.`,
    )
  }
}

/** The last instant a member may cancel online: `onlineCancellationHours` before the start. */
export function cancellationDeadline(startsAt: Date, limits: OnlineLimits): Date {
  return new Date(startsAt.getTime() - limits.onlineCancellationHours * 3_600_000)
}

/** Refuses a member's cancellation after the deadline; staff may still cancel. */
export function checkOnlineCancellation(startsAt: Date, now: Date, limits: OnlineLimits): void {
  if (now.getTime() > cancellationDeadline(startsAt, limits).getTime()) {
    throw new VereinskitError(
      'CANCELLATION_TOO_LATE',
      `Appointments can be cancelled online until ${limits.onlineCancellationHours} hours before they start; please call the office.`,
    )
  }
}

/**
 * Whether the "send confirmation" option is available (handbook §5.1): the consultation type has a confirmation
 * template and the person an e-mail address.
 */
export function canSendConfirmation(type: { confirmation: unknown } | null, email: string | null | undefined): boolean {
  return type !== null && type.confirmation !== null && !!email
}
