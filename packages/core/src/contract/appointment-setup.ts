import * as z from 'zod'
import { CalendarTemplateInput, TemplatePattern, WallTimeSchema } from '../appointments'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'
import { changeOf } from './change-of'
import { appointmentCatalogueRoutes } from './appointment-catalogues'

const path = '/organisations/:organisationId'

export const CalendarTemplateView = CalendarTemplateInput.extend({ id: IdSchema, consultantName: z.string() })

/** A block as the calendar shows it: local date and wall times, instants, type, location and flags. */
export const AppointmentBlockView = z.object({
  id: IdSchema.nullable(),
  consultantId: IdSchema,
  date: CalendarDateSchema,
  from: WallTimeSchema,
  to: WallTimeSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  timeZone: z.string(),
  typeId: IdSchema.nullable(),
  locationId: IdSchema.nullable(),
  slotMinutes: z.number().int(),
  plannable: z.boolean(),
  onlineBookable: z.boolean(),
})

/** Period generation (one consultant, one template) or single-day generation (one or more consultants). */
export const BlockGenerationRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('period'),
    consultantId: z.uuid(),
    /** The consultant's default template when left out. */
    templateId: z.uuid().optional(),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
  }),
  z.strictObject({
    kind: z.literal('day'),
    consultantIds: z.array(z.uuid()).min(1).max(200),
    date: CalendarDateSchema,
    from: WallTimeSchema,
    to: WallTimeSchema,
    typeId: z.uuid().nullable().default(null),
    locationId: z.uuid().nullable().default(null),
    durationMinutes: z.number().int().min(5).max(480).nullable().default(null),
    plannable: z.boolean().default(true),
    onlineBookable: z.boolean().default(false),
  }),
])

/** The control overview (Kontrollübersicht): what generation creates and what it leaves out. */
export const BlockGenerationView = z.object({
  blocks: z.array(AppointmentBlockView),
  skipped: z.array(AppointmentBlockView),
  /** Online-bookable blocks without a consultation type: created, never shown online (handbook §9.3). */
  onlineWithoutType: z.number().int(),
})

/** Which blocks a deletion covers: one or more consultants, a date range, optionally times and a location. */
export const BlockDeletionRequest = z
  .strictObject({
    consultantIds: z.array(z.uuid()).min(1).max(200),
    fromDate: CalendarDateSchema,
    toDate: CalendarDateSchema,
    fromTime: WallTimeSchema.optional(),
    toTime: WallTimeSchema.optional(),
    locationId: z.uuid().optional(),
  })
  .refine((r) => r.fromDate <= r.toDate, { message: 'The range starts after it ends.', path: ['toDate'] })

export const BlockDeletionView = z.object({
  consultants: z.array(
    z.object({ consultantId: IdSchema, consultantName: z.string(), blocks: z.number().int(), conflicts: z.number().int() }),
  ),
  /** The appointments in conflicting blocks: they stay and must be moved or cancelled by hand. */
  conflictingAppointmentIds: z.array(IdSchema),
  deleted: z.number().int(),
})

/**
 * Setting up consultant calendars (Administration → Beraterkalender, Beratungsarten): the catalogues, the
 * 14-day templates, generating blocks and deleting them. Rights: ADMBK for the calendar, ADMAPPL for the catalogues.
 */
export const appointmentSetupRoutes = {
  ...appointmentCatalogueRoutes,
  calendarTemplates: {
    list: defineRoute({
      method: 'GET',
      path: `${path}/calendar-templates`,
      access: 'staff',
      summary: 'Calendar templates, filtered by consultant and name (Vorlagebezeichnung).',
      query: z.strictObject({
        consultantId: z.uuid().optional(),
        name: z.string().max(120).optional(),
        activeOnly: z.stringbool().default(false),
      }),
      response: z.object({ items: z.array(CalendarTemplateView) }),
      errors: [],
    }),
    create: defineRoute({
      method: 'POST',
      path: `${path}/calendar-templates`,
      access: 'staff',
      permission: 'ADMBK',
      status: 201,
      summary: 'Add a template: consultant, name, anchor Monday of week A, the 14-day pattern; one default per consultant.',
      body: CalendarTemplateInput,
      response: CalendarTemplateView,
      errors: ['CONSULTANT_NOT_FOUND', 'DEFAULT_TEMPLATE_EXISTS', 'LOCATION_NOT_FOUND', 'CONSULTATION_TYPE_NOT_FOUND'],
    }),
    update: defineRoute({
      method: 'PATCH',
      path: `${path}/calendar-templates/:templateId`,
      access: 'staff',
      permission: 'ADMBK',
      summary: 'Change a template. Blocks generated from it stay: delete and generate them again to apply a new pattern.',
      body: z.strictObject({
        name: z.string().trim().min(1).max(120).optional(),
        active: z.boolean().optional(),
        isDefault: z.boolean().optional(),
        anchorMonday: CalendarTemplateInput.shape.anchorMonday.optional(),
        pattern: TemplatePattern.optional(),
      }),
      response: CalendarTemplateView,
      errors: ['CALENDAR_TEMPLATE_NOT_FOUND', 'DEFAULT_TEMPLATE_EXISTS', 'LOCATION_NOT_FOUND', 'CONSULTATION_TYPE_NOT_FOUND'],
    }),
    duplicate: defineRoute({
      method: 'POST',
      path: `${path}/calendar-templates/:templateId/duplicate`,
      access: 'staff',
      permission: 'ADMBK',
      status: 201,
      summary: 'Copy a template with its pattern as "Kopie von …", inactive and not default (handbook §9.3).',
      response: CalendarTemplateView,
      errors: ['CALENDAR_TEMPLATE_NOT_FOUND'],
    }),
  },
  appointmentBlocks: {
    list: defineRoute({
      method: 'GET',
      path: `${path}/appointment-blocks`,
      access: 'staff',
      summary: 'Blocks in a date range (at most 92 days), optionally of one consultant.',
      query: z.strictObject({ fromDate: CalendarDateSchema, toDate: CalendarDateSchema, consultantId: z.uuid().optional() }),
      response: z.object({ items: z.array(AppointmentBlockView) }),
      errors: ['INVALID_RANGE'],
    }),
    preview: defineRoute({
      method: 'POST',
      path: `${path}/appointment-blocks/preview`,
      access: 'staff',
      permission: 'ADMBK',
      summary: 'The control overview of a generation, without saving.',
      body: BlockGenerationRequest,
      response: BlockGenerationView,
      errors: [
        'CONSULTANT_NOT_FOUND',
        'CONSULTANT_INACTIVE',
        'CALENDAR_TEMPLATE_NOT_FOUND',
        'CONSULTANT_WITHOUT_DURATION',
        'INVALID_RANGE',
        'LOCATION_NOT_FOUND',
        'CONSULTATION_TYPE_NOT_FOUND',
      ],
    }),
    generate: defineRoute({
      method: 'POST',
      path: `${path}/appointment-blocks`,
      access: 'staff',
      permission: 'ADMBK',
      status: 201,
      summary: 'Generate blocks (Generieren / Einfügen); blocks overlapping existing ones are skipped, so repeating it creates nothing.',
      body: BlockGenerationRequest,
      response: BlockGenerationView,
      errors: [
        'CONSULTANT_NOT_FOUND',
        'CONSULTANT_INACTIVE',
        'CALENDAR_TEMPLATE_NOT_FOUND',
        'CONSULTANT_WITHOUT_DURATION',
        'INVALID_RANGE',
        'LOCATION_NOT_FOUND',
        'CONSULTATION_TYPE_NOT_FOUND',
      ],
    }),
    checkDeletion: defineRoute({
      method: 'POST',
      path: `${path}/appointment-blocks/deletion-check`,
      access: 'staff',
      permission: 'ADMBK',
      summary: 'prüfen: blocks a deletion would remove and their conflicts with booked appointments, per consultant.',
      body: BlockDeletionRequest,
      response: BlockDeletionView,
      errors: ['CONSULTANT_NOT_FOUND', 'INVALID_RANGE'],
    }),
    delete: defineRoute({
      method: 'POST',
      path: `${path}/appointment-blocks/deletion`,
      access: 'staff',
      permission: 'ADMBK',
      summary: 'Delete the blocks; appointments in them stay (conflicts warn, they do not block).',
      body: BlockDeletionRequest,
      response: BlockDeletionView,
      errors: ['CONSULTANT_NOT_FOUND', 'INVALID_RANGE'],
    }),
  },
}
