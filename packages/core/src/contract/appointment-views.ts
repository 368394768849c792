import * as z from 'zod'
import { AppointmentKind, AppointmentNote, AppointmentTitle, WallTimeSchema } from '../appointments'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'

// What the appointment routes take and answer: free slots, appointments as staff see them, booking, list queries.

/** A free slot: a block's time that nobody has booked. */
export const FreeSlotView = z.object({
  blockId: IdSchema,
  consultantId: IdSchema,
  consultantName: z.string(),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  date: CalendarDateSchema,
  time: WallTimeSchema,
  timeZone: z.string(),
  typeId: IdSchema.nullable(),
  typeName: z.string().nullable(),
  locationId: IdSchema.nullable(),
  locationName: z.string().nullable(),
})

/** The free-slot search (Freie Termine, handbook §5.1 and §11.4): every filter is optional. */
export const FreeSlotQuery = z.strictObject({
  fromDate: CalendarDateSchema.optional(),
  toDate: CalendarDateSchema.optional(),
  fromTime: WallTimeSchema.optional(),
  toTime: WallTimeSchema.optional(),
  /** Days of the week, ISO numbers separated by commas: `1,3` is Mondays and Wednesdays. */
  weekdays: z
    .string()
    .regex(/^[1-7](,[1-7])*$/, 'Weekdays are ISO numbers 1 (Monday) to 7 (Sunday), separated by commas.')
    .transform((list) => [...new Set(list.split(',').map(Number))])
    .optional(),
  locationId: z.uuid().optional(),
  consultantId: z.uuid().optional(),
  typeId: z.uuid().optional(),
  topicId: z.uuid().optional(),
  /** Pre-filters to the membership's home consultant and location (Stammberater, Stammberatungsort). */
  membershipId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
})

/** The slot an appointment takes: a block and the start of one of its slots. */
export const SlotChoice = z.strictObject({ blockId: z.uuid(), startsAt: TimestampSchema })

export const AppointmentView = z.object({
  id: IdSchema,
  consultantId: IdSchema,
  consultantName: z.string(),
  blockId: IdSchema.nullable(),
  locationId: IdSchema.nullable(),
  locationName: z.string().nullable(),
  typeId: IdSchema.nullable(),
  typeName: z.string().nullable(),
  topicId: IdSchema.nullable(),
  kind: AppointmentKind,
  personId: IdSchema,
  personName: z.string(),
  membershipId: IdSchema.nullable(),
  membershipNumber: z.number().int().nullable(),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  date: CalendarDateSchema,
  time: WallTimeSchema,
  timeZone: z.string(),
  title: z.string(),
  note: z.string(),
  /** wahrgenommen. */
  attended: z.boolean(),
  bookedVia: z.enum(['staff', 'online']),
  cancelledAt: TimestampSchema.nullable(),
  cancelledBy: z.enum(['staff', 'member']).nullable(),
  confirmationQueued: z.boolean(),
})

export const BookAppointment = z.strictObject({
  slot: SlotChoice,
  personId: z.uuid(),
  /** The membership the appointment is for; shown as its number in "Termin für". */
  membershipId: z.uuid().optional(),
  typeId: z.uuid().nullable().optional(),
  topicId: z.uuid().nullable().optional(),
  kind: AppointmentKind.default('consultation'),
  title: AppointmentTitle.default(''),
  note: AppointmentNote.default(''),
  /** Terminbestätigung versenden: only when the type has a confirmation template and the person an e-mail address. */
  sendConfirmation: z.boolean().default(false),
})

export const AppointmentListQuery = z.strictObject({
  fromDate: CalendarDateSchema.optional(),
  toDate: CalendarDateSchema.optional(),
  fromTime: WallTimeSchema.optional(),
  toTime: WallTimeSchema.optional(),
  consultantId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  personId: z.uuid().optional(),
  /** TerminID. */
  appointmentId: z.uuid().optional(),
  includeCancelled: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
})

export const MissedQuery = z.strictObject({ fromDate: CalendarDateSchema, toDate: CalendarDateSchema })
