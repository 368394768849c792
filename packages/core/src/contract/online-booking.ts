import * as z from 'zod'
import { AppointmentNote, WallTimeSchema } from '../appointments'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'
import { SlotChoice } from './appointment-views'
import { defineRoute } from './define-route'

const path = '/public/organisations/:organisationId'

/** How a member identifies on the website: membership number and date of birth (a portal login later). */
export const MemberIdentification = z.strictObject({
  membershipNumber: z.coerce.number().int().min(1).max(2_147_483_647),
  dateOfBirth: CalendarDateSchema,
})

/** What the booking component needs to start: the online types and locations and the club's limits. */
export const BookingForm = z.object({
  organisationName: z.string(),
  /** Today in the organisation's time zone. */
  today: CalendarDateSchema,
  types: z.array(z.object({ id: IdSchema, name: z.string() })),
  locations: z.array(z.object({ id: IdSchema, name: z.string(), address: z.string(), timeZone: z.string() })),
  topics: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** True when slots depend on who asks (home consultant or last consultation): identify before searching. */
  slotsNeedMember: z.boolean(),
  daysAhead: z.number().int(),
  maxOpenBookings: z.number().int(),
  cancellationHours: z.number().int(),
})

export const OnlineSlotView = z.object({
  blockId: IdSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  date: CalendarDateSchema,
  time: WallTimeSchema,
  timeZone: z.string(),
  consultantId: IdSchema,
  consultantName: z.string(),
  typeId: IdSchema,
  locationId: IdSchema.nullable(),
})

export const OnlineSlotSearch = z.strictObject({
  typeId: z.uuid(),
  locationId: z.uuid().optional(),
  /** Only this consultant's slots (a website's "book with …" link). */
  consultantId: z.uuid().optional(),
  fromDate: CalendarDateSchema.optional(),
  /** The last day to list (a week view asks for its week); the end of the booking window when left out. */
  toDate: CalendarDateSchema.optional(),
  /** Needed when the form says `slotsNeedMember`. */
  member: MemberIdentification.optional(),
})

export const OnlineBooking = z.strictObject({
  slot: SlotChoice,
  typeId: z.uuid(),
  topicId: z.uuid().optional(),
  member: MemberIdentification,
  note: AppointmentNote.default(''),
})

/** The booking as the member sees it: when, with whom, where, the calendar file and how to cancel. */
export const OnlineBookingReceipt = z.object({
  appointmentId: IdSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  date: CalendarDateSchema,
  time: WallTimeSchema,
  timeZone: z.string(),
  consultantName: z.string(),
  typeName: z.string(),
  locationName: z.string().nullable(),
  locationAddress: z.string().nullable(),
  /** The iCalendar file (add to calendar). */
  ics: z.string(),
  /** Proves the right to cancel online, until the cancellation deadline. */
  cancellationToken: z.string(),
  cancellableUntil: TimestampSchema,
  /** Whether a confirmation e-mail is on its way. */
  confirmationQueued: z.boolean(),
  cancelledAt: TimestampSchema.nullable(),
})

export type BookingForm = z.infer<typeof BookingForm>
export type OnlineSlotView = z.infer<typeof OnlineSlotView>
export type OnlineSlotSearch = z.input<typeof OnlineSlotSearch>
export type OnlineBooking = z.input<typeof OnlineBooking>
export type OnlineBookingReceipt = z.infer<typeof OnlineBookingReceipt>
export type MemberIdentification = z.input<typeof MemberIdentification>

/**
 * Online booking (MIA-Online Terminbuchung) for club websites: members find free slots of online types, book
 * one after identifying, and cancel through the link of their confirmation.
 */
export const onlineBookingRoutes = {
  form: defineRoute({
    method: 'GET',
    path: `${path}/appointment-booking`,
    access: 'public',
    summary: 'What the booking component offers: online consultation types, locations, topics and the limits.',
    response: BookingForm,
    errors: [],
  }),
  slots: defineRoute({
    method: 'POST',
    path: `${path}/appointment-slots`,
    access: 'public',
    rateLimit: 'lookup',
    summary: 'Free online slots of a type (and location), within the booking window, at most OnlineFreieTermine.',
    body: OnlineSlotSearch,
    response: z.object({ items: z.array(OnlineSlotView) }),
    errors: ['MEMBER_NOT_IDENTIFIED', 'ONLINE_BOOKING_BLOCKED', 'CONSULTATION_TYPE_NOT_FOUND'],
  }),
  book: defineRoute({
    method: 'POST',
    path: `${path}/appointments`,
    access: 'public',
    status: 201,
    summary: 'Book a free online slot as a member; a confirmation e-mail with the .ics file follows when the type has a template.',
    body: OnlineBooking,
    response: OnlineBookingReceipt,
    errors: [
      'MEMBER_NOT_IDENTIFIED',
      'ONLINE_BOOKING_BLOCKED',
      'SLOT_NOT_AVAILABLE',
      'OUTSIDE_BOOKING_WINDOW',
      'ONLINE_BOOKING_LIMIT',
      'CONSULTATION_TYPE_NOT_FOUND',
      'CONSULTATION_TOPIC_NOT_FOUND',
    ],
  }),
  booking: defineRoute({
    method: 'GET',
    path: `${path}/appointments/:appointmentId`,
    access: 'public',
    summary: 'The booking behind a cancellation link.',
    query: z.strictObject({ token: z.string().min(1).max(200) }),
    response: OnlineBookingReceipt,
    errors: ['CANCELLATION_LINK_INVALID'],
  }),
  cancel: defineRoute({
    method: 'POST',
    path: `${path}/appointments/:appointmentId/cancellation`,
    access: 'public',
    summary: 'Cancel a booking through its link, until OnlineTerminAbsVorlauf hours before it starts.',
    body: z.strictObject({ token: z.string().min(1).max(200) }),
    response: OnlineBookingReceipt,
    errors: ['CANCELLATION_LINK_INVALID', 'CANCELLATION_TOO_LATE', 'APPOINTMENT_CANCELLED'],
  }),
}
