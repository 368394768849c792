import * as z from 'zod'
import { TimeZoneSchema } from './zoned-time'

const name = z.string().trim().min(1).max(120)
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour as #rrggbb.')

/**
 * A consultant (Berater): a staff resource whose calendar holds blocks and appointments. The default duration
 * (Standard-Beratungsdauer) is the slot length of blocks that name none; generation refuses a consultant without
 * one (handbook §9.3). `staffUserId` links the staff user once roles exist.
 */
export const ConsultantInput = z.strictObject({
  name,
  /** Kürzel. */
  shortName: z.string().trim().min(1).max(12).nullable().default(null),
  /** Standard-Beratungsdauer in minutes. */
  defaultDurationMinutes: z.number().int().min(5).max(480).nullable().default(null),
  /** Standard-Beratungsort. */
  defaultLocationId: z.uuid().nullable().default(null),
  /** Only active consultants are offered for generation, booking and online. */
  active: z.boolean().default(true),
  /** The topics (Beratungsthemen) this consultant advises on; empty means every topic. */
  topicIds: z.array(z.uuid()).max(100).default([]),
  email: z.email().nullable().default(null),
  staffUserId: z.string().min(1).max(100).nullable().default(null),
})
export type ConsultantInput = z.input<typeof ConsultantInput>
export type Consultant = z.output<typeof ConsultantInput> & { readonly id: string }

/** A consultation location (Beratungsort, Standort) with its address and the time zone its calendar runs in. */
export const LocationInput = z.strictObject({
  name,
  street: z.string().trim().max(120).default(''),
  postcode: z.string().trim().max(12).default(''),
  city: z.string().trim().max(80).default(''),
  /** IANA time zone of the location's wall-clock times; Europe/Berlin unless set. */
  timeZone: TimeZoneSchema.default('Europe/Berlin'),
  active: z.boolean().default(true),
})
export type LocationInput = z.input<typeof LocationInput>
export type ConsultationLocation = z.output<typeof LocationInput> & { readonly id: string }

/** The confirmation e-mail of a consultation type: subject and text with `{{appointment.*}}` placeholders. */
export const ConfirmationTemplate = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(5000),
})
export type ConfirmationTemplate = z.output<typeof ConfirmationTemplate>

/**
 * A consultation type (Beratungsart: persönlich, telefonisch, E-Mail): two colours (free block, booked
 * appointment, handbook §5.3), whether members may choose it online (online auswählbar), and the confirmation
 * template assigned to it — without one no confirmation is sent (handbook §5.1).
 */
export const ConsultationTypeInput = z.strictObject({
  name,
  blockColour: colour.default('#c8e6c9'),
  appointmentColour: colour.default('#2e7d32'),
  onlineVisible: z.boolean().default(false),
  confirmation: ConfirmationTemplate.nullable().default(null),
  active: z.boolean().default(true),
})
export type ConsultationTypeInput = z.input<typeof ConsultationTypeInput>
export type ConsultationType = z.output<typeof ConsultationTypeInput> & { readonly id: string }

/** A consultation topic (Beratungsthema: Wohnungsmängel, Betriebskosten). */
export const ConsultationTopicInput = z.strictObject({ name, active: z.boolean().default(true) })
export type ConsultationTopicInput = z.input<typeof ConsultationTopicInput>
export type ConsultationTopic = z.output<typeof ConsultationTopicInput> & { readonly id: string }

/** Whether a consultant advises on a topic: consultants without a topic list advise on all. */
export function advisesOn(consultant: Pick<Consultant, 'topicIds'>, topicId: string | null | undefined): boolean {
  return !topicId || consultant.topicIds.length === 0 || consultant.topicIds.includes(topicId)
}
