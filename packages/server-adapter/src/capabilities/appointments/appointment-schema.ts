// Consultant calendars: catalogues, templates, blocks, appointments and each membership's home consultant.
import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id, organisationRef, persons } from '../../storage/shared-schema'
import { ownMembership } from '../memberships/membership-schema'

const catalogueIndexes = (name: string, t: { organisationId: never; name: never; id: never }) => [
  uniqueIndex(`${name}_name_uq`).on(t.organisationId, sql`lower(${t.name})`),
  uniqueIndex(`${name}_organisation_id_uq`).on(t.organisationId, t.id),
]

/** Berater: a staff resource with default duration and location. */
export const consultants = pgTable(
  'consultants',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    defaultDurationMinutes: integer('default_duration_minutes'),
    defaultLocationId: uuid('default_location_id'),
    active: boolean('active').notNull(),
    topicIds: jsonb('topic_ids').$type<string[]>().notNull(),
    email: text('email'),
    staffUserId: text('staff_user_id'),
    createdAt: createdAt(),
  },
  (t) => catalogueIndexes('consultants', t as never),
)

/** Beratungsorte with their time zone. */
export const consultationLocations = pgTable(
  'consultation_locations',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    timeZone: text('time_zone').notNull(),
    active: boolean('active').notNull(),
    createdAt: createdAt(),
  },
  (t) => catalogueIndexes('consultation_locations', t as never),
)

/** Beratungsarten: colours, online selectable, confirmation template. */
export const consultationTypes = pgTable(
  'consultation_types',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    blockColour: text('block_colour').notNull(),
    appointmentColour: text('appointment_colour').notNull(),
    onlineVisible: boolean('online_visible').notNull(),
    confirmation: jsonb('confirmation').$type<{ subject: string; text: string } | null>(),
    active: boolean('active').notNull(),
    createdAt: createdAt(),
  },
  (t) => catalogueIndexes('consultation_types', t as never),
)

/** Beratungsthemen. */
export const consultationTopics = pgTable(
  'consultation_topics',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    active: boolean('active').notNull(),
    createdAt: createdAt(),
  },
  (t) => catalogueIndexes('consultation_topics', t as never),
)

/** Calendar templates (Vorlagen): a 14-day pattern; at most one default per consultant. */
export const calendarTemplates = pgTable(
  'calendar_templates',
  {
    id: id(),
    organisationId: organisationRef(),
    consultantId: uuid('consultant_id').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull(),
    isDefault: boolean('is_default').notNull(),
    anchorMonday: date('anchor_monday', { mode: 'string' }).notNull(),
    pattern: jsonb('pattern').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('calendar_templates_default_uq')
      .on(t.organisationId, t.consultantId)
      .where(sql`${t.isDefault}`),
    foreignKey({
      name: 'calendar_templates_consultant_fk',
      columns: [t.organisationId, t.consultantId],
      foreignColumns: [consultants.organisationId, consultants.id],
    }),
  ],
)

/** Generated blocks (Terminblöcke): local date and wall times plus the instants. */
export const appointmentBlocks = pgTable(
  'appointment_blocks',
  {
    id: id(),
    organisationId: organisationRef(),
    consultantId: uuid('consultant_id').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    fromTime: text('from_time').notNull(),
    toTime: text('to_time').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    typeId: uuid('type_id'),
    locationId: uuid('location_id'),
    slotMinutes: integer('slot_minutes').notNull(),
    plannable: boolean('plannable').notNull(),
    onlineBookable: boolean('online_bookable').notNull(),
    templateId: uuid('template_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('appointment_blocks_time_idx').on(t.organisationId, t.startsAt),
    index('appointment_blocks_consultant_idx').on(t.consultantId, t.startsAt),
    foreignKey({
      name: 'appointment_blocks_consultant_fk',
      columns: [t.organisationId, t.consultantId],
      foreignColumns: [consultants.organisationId, consultants.id],
    }),
  ],
)

/**
 * Appointments (Termine). Cancelled ones stay, marked; a consultant holds one appointment per start time at most
 * (the partial unique index backs the booking lock). `cancel_token_hash` is the SHA-256 of the member's link.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    organisationId: organisationRef(),
    consultantId: uuid('consultant_id').notNull(),
    blockId: uuid('block_id'),
    locationId: uuid('location_id'),
    typeId: uuid('type_id'),
    topicId: uuid('topic_id'),
    kind: text('kind').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    membershipId: uuid('membership_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull(),
    attended: boolean('attended').notNull().default(false),
    bookedVia: text('booked_via').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by'),
    cancelTokenHash: text('cancel_token_hash'),
    confirmationQueued: boolean('confirmation_queued').notNull().default(false),
    reminderQueuedAt: timestamp('reminder_queued_at', { withTimezone: true }),
    missedLetterAt: timestamp('missed_letter_at', { withTimezone: true }),
    /** Raised on every change, for the SEQUENCE of the calendar file. */
    sequence: integer('sequence').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('appointments_consultant_start_uq')
      .on(t.consultantId, t.startsAt)
      .where(sql`${t.cancelledAt} is null`),
    index('appointments_time_idx').on(t.organisationId, t.startsAt),
    index('appointments_person_idx').on(t.personId),
    foreignKey({
      name: 'appointments_consultant_fk',
      columns: [t.organisationId, t.consultantId],
      foreignColumns: [consultants.organisationId, consultants.id],
    }),
    ownMembership('appointments_membership_fk', t),
  ],
)

/** Stammberater and Stammberatungsort of a membership. */
export const membershipConsultants = pgTable(
  'membership_consultants',
  {
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    consultantId: uuid('consultant_id'),
    locationId: uuid('location_id'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.membershipId] }), ownMembership('membership_consultants_membership_fk', t)],
)
