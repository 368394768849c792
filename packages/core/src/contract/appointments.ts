import * as z from 'zod'
import { AppointmentChanges } from '../appointments'
import { CalendarDateSchema, IdSchema } from './scalars'
import { defineRoute } from './define-route'
import {
  AppointmentListQuery,
  AppointmentView,
  BookAppointment,
  FreeSlotQuery,
  FreeSlotView,
  MissedQuery,
  SlotChoice,
} from './appointment-views'

const path = '/organisations/:organisationId'

/**
 * Appointments (Termine/Beratungen): free slots, booking by staff, the appointment list, changes, rescheduling,
 * consultant changes, attendance, cancellation, missed appointments and the printed lists.
 * Rights, as route data the roles issue enforces: `TERMERST` to book; the deny right `TERMNILOESCH` blocks cancellation by
 * staff (docs/decisions/0000#d26); the rest needs appointment access only.
 */
export const appointmentRoutes = {
  freeSlots: defineRoute({
    method: 'GET',
    path: `${path}/free-slots`,
    access: 'staff',
    summary: 'Free slots of plannable blocks: blocks minus appointments, in local time, earliest first.',
    query: FreeSlotQuery,
    response: z.object({ items: z.array(FreeSlotView) }),
    errors: ['INVALID_RANGE', 'MEMBERSHIP_NOT_FOUND'],
  }),
  book: defineRoute({
    method: 'POST',
    path: `${path}/appointments`,
    access: 'staff',
    permission: 'TERMERST',
    status: 201,
    summary:
      'Book a slot for a person (member or not). Permission: TERMERST. Two bookings of one slot: one wins, the other gets SLOT_NOT_AVAILABLE.',
    body: BookAppointment,
    response: AppointmentView,
    errors: [
      'SLOT_NOT_AVAILABLE',
      'PERSON_NOT_FOUND',
      'MEMBERSHIP_NOT_FOUND',
      'CONSULTATION_TYPE_NOT_FOUND',
      'CONSULTATION_TOPIC_NOT_FOUND',
      'CONFIRMATION_NOT_AVAILABLE',
    ],
  }),
  list: defineRoute({
    method: 'GET',
    path: `${path}/appointments`,
    access: 'staff',
    summary: 'The appointment list (Terminliste): by date, time, location, consultant, person or id; in time order.',
    query: AppointmentListQuery,
    response: z.object({ items: z.array(AppointmentView) }),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: `${path}/appointments/:appointmentId`,
    access: 'staff',
    summary: 'One appointment.',
    response: AppointmentView,
    errors: ['APPOINTMENT_NOT_FOUND'],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: `${path}/appointments/:appointmentId`,
    access: 'staff',
    summary: 'Change short title, consultation type, topic or note (all that may change after booking, handbook §11.4).',
    body: AppointmentChanges,
    response: AppointmentView,
    errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_CANCELLED', 'CONSULTATION_TYPE_NOT_FOUND', 'CONSULTATION_TOPIC_NOT_FOUND'],
  }),
  reschedule: defineRoute({
    method: 'POST',
    path: `${path}/appointments/:appointmentId/reschedule`,
    access: 'staff',
    summary: 'Move an appointment to another free slot (Termin verschieben); it keeps its id, the old slot is free again.',
    body: z.strictObject({ slot: SlotChoice }),
    response: AppointmentView,
    errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_CANCELLED', 'SLOT_NOT_AVAILABLE'],
  }),
  changeConsultant: defineRoute({
    method: 'POST',
    path: `${path}/appointment-consultant-changes`,
    access: 'staff',
    permission: 'ADMBK',
    summary: "Give appointments to another consultant (Beraterwechsel); the old consultant's slots become free again.",
    body: z.strictObject({ appointmentIds: z.array(z.uuid()).min(1).max(500), consultantId: z.uuid() }),
    response: z.object({
      items: z.array(AppointmentView),
      /** Blocks of the previous consultants at those times, now free again: delete them first when the change is for absence. */
      freedBlocks: z.number().int(),
      warning: z.string().nullable(),
    }),
    errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_CANCELLED', 'CONSULTANT_NOT_FOUND', 'CONSULTANT_INACTIVE', 'SLOT_NOT_AVAILABLE'],
  }),
  markAttended: defineRoute({
    method: 'POST',
    path: `${path}/appointments/:appointmentId/attended`,
    access: 'staff',
    summary: 'Termin wahrgenommen: set the attended flag.',
    response: AppointmentView,
    errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_CANCELLED'],
  }),
  cancel: defineRoute({
    method: 'DELETE',
    path: `${path}/appointments/:appointmentId`,
    access: 'staff',
    deniedBy: 'TERMNILOESCH',
    summary: 'Termin löschen: cancel the appointment (kept as cancelled; the slot is free again). Denied by TERMNILOESCH.',
    response: AppointmentView,
    errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_CANCELLED'],
  }),
  missed: defineRoute({
    method: 'GET',
    path: `${path}/missed-appointments`,
    access: 'staff',
    summary: 'Versäumte Termine: past appointments in the range without the attended flag.',
    query: MissedQuery,
    response: z.object({ items: z.array(AppointmentView) }),
    errors: ['INVALID_RANGE'],
  }),
  missedLetters: defineRoute({
    method: 'POST',
    path: `${path}/missed-appointments/letters`,
    access: 'staff',
    summary: 'Schreiben erstellen: one notification per missed appointment, by the person’s preferred channel; once per appointment.',
    body: z.strictObject({ appointmentIds: z.array(z.uuid()).min(1).max(2000) }),
    response: z.object({
      letters: z.number().int(),
      emails: z.number().int(),
      skipped: z.array(
        z.object({ appointmentId: IdSchema, reason: z.enum(['not-missed', 'already-written', 'no-membership', 'template-off']) }),
      ),
    }),
    errors: [],
  }),
  listPdf: defineRoute({
    method: 'GET',
    path: `${path}/appointment-list.pdf`,
    access: 'staff',
    summary: 'Print the appointment list by consultant (TerminlisteBeraterDruck) or by location (TerminlisteStandortDruck).',
    query: z.strictObject({ groupBy: z.enum(['consultant', 'location']), fromDate: CalendarDateSchema, toDate: CalendarDateSchema }),
    response: z.instanceof(Uint8Array),
    produces: 'pdf',
    errors: ['INVALID_RANGE'],
  }),
  routingSlip: defineRoute({
    method: 'GET',
    path: `${path}/appointments/:appointmentId/routing-slip.pdf`,
    access: 'staff',
    summary: "Laufzettel: the appointment with the person's data to check and correct at the consultation.",
    response: z.instanceof(Uint8Array),
    produces: 'pdf',
    errors: ['APPOINTMENT_NOT_FOUND'],
  }),
  routingSlips: defineRoute({
    method: 'GET',
    path: `${path}/routing-slips.pdf`,
    access: 'staff',
    summary: 'Drucken: one routing slip per listed appointment of a day, in one PDF.',
    query: z.strictObject({ date: CalendarDateSchema, consultantId: z.uuid().optional(), locationId: z.uuid().optional() }),
    response: z.instanceof(Uint8Array),
    produces: 'pdf',
    errors: [],
  }),
  setHomeConsultant: defineRoute({
    method: 'PUT',
    path: `${path}/memberships/:membershipId/home-consultant`,
    access: 'staff',
    summary: 'Stammberater and Stammberatungsort of a membership: free-slot searches for it are pre-filtered to them.',
    body: z.strictObject({ consultantId: z.uuid().nullable(), locationId: z.uuid().nullable() }),
    response: z.object({ membershipId: IdSchema, consultantId: IdSchema.nullable(), locationId: IdSchema.nullable() }),
    errors: ['MEMBERSHIP_NOT_FOUND', 'CONSULTANT_NOT_FOUND', 'LOCATION_NOT_FOUND'],
  }),
}
