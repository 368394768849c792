import * as z from 'zod'
import { MandateInput, MandateKind, PreNotificationChannel } from '../direct-debit/mandate'
import { IbanSchema, BicSchema } from '../sepa/sepa-schemas'
import { CalendarDateSchema, IdSchema } from './scalars'
import { defineRoute } from './define-route'

const organisationPath = '/organisations/:organisationId'

/** A SEPA mandate with its state today (handbook §11.5 ZV: "aktuell gültig" or why not). */
export const MandateDetailView = z.object({
  id: IdSchema,
  personId: IdSchema,
  reference: z.string(),
  kind: MandateKind,
  validFrom: CalendarDateSchema,
  signedOn: CalendarDateSchema,
  limitedUntil: CalendarDateSchema.nullable(),
  terminatedOn: CalendarDateSchema.nullable(),
  accountHolder: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  preNotificationChannel: PreNotificationChannel,
  creditorId: z.string(),
  state: z.enum(['valid', 'not-yet-valid', 'ended', 'revoked', 'lapsed', 'used-up']),
  /** Recurring mandates: the day they lapse without a settled collection before. */
  lapsesOn: CalendarDateSchema.nullable(),
  lapseWarning: z.boolean(),
  /** True when it is the one collections use today. */
  inUse: z.boolean(),
  /** Collections made or planned with it; a used mandate cannot be deleted. */
  collectionCount: z.number().int(),
  hasDocument: z.boolean(),
})
export type MandateDetailView = z.infer<typeof MandateDetailView>

/** The mandates that pay for a membership: its payer's (the alternate payer's when one is set). */
export const MembershipMandates = z.object({
  membershipId: IdSchema,
  payer: z.object({ personId: IdSchema, name: z.string(), alternate: z.boolean(), membershipNumber: z.number().int().nullable() }),
  mandates: z.array(MandateDetailView),
})

/** What may change on a mandate: bank details (sent as an amendment with the next collection), its end, the channel. */
export const MandateChange = z.strictObject({
  iban: IbanSchema.optional(),
  bic: BicSchema.nullable().optional(),
  accountHolder: z.string().trim().min(1).max(70).optional(),
  limitedUntil: CalendarDateSchema.nullable().optional(),
  terminatedOn: CalendarDateSchema.nullable().optional(),
  preNotificationChannel: PreNotificationChannel.optional(),
})

/** A scanned mandate or bank notice, as base64 PDF. */
export const MandateDocumentUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(8_000_000),
})

/** One finding of the mandate check. */
export const MandateCheckView = z.object({
  date: CalendarDateSchema,
  findings: z.array(
    z.object({
      membershipId: IdSchema,
      membershipNumber: z.number().int(),
      payerPersonId: IdSchema,
      payerIsAlternate: z.boolean(),
      reason: z.enum([
        'no-mandate',
        'not-yet-valid',
        'ended',
        'revoked',
        'lapsed',
        'used-up',
        'invalid-iban',
        'invalid-bic',
        'lapsing-soon',
      ]),
      mandateId: IdSchema.nullable(),
      lapsesOn: CalendarDateSchema.nullable(),
    }),
  ),
})

const mandatePath = `${organisationPath}/mandates/:mandateId`

/** Mandates (Lastschriftmandate), alternate payers and the mandate check. */
export const mandateRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${organisationPath}/memberships/:membershipId/mandates`,
    access: 'staff',
    summary: "The mandates of the membership's payer, valid and invalid, with their state today.",
    response: MembershipMandates,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  create: defineRoute({
    method: 'POST',
    path: `${organisationPath}/memberships/:membershipId/mandates`,
    access: 'staff',
    status: 201,
    summary: "Create a mandate for the membership's payer; the reference is generated and cannot change.",
    body: MandateInput,
    response: MandateDetailView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'CREDITOR_DATA_MISSING', 'MANDATE_INVALID'],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: mandatePath,
    access: 'staff',
    summary: 'Change bank details (the next collection carries the amendment), the end date or the pre-notification channel.',
    body: MandateChange,
    response: MandateDetailView,
    errors: ['MANDATE_NOT_FOUND', 'MANDATE_INVALID'],
  }),
  revoke: defineRoute({
    method: 'POST',
    path: `${mandatePath}/revocation`,
    access: 'staff',
    summary: 'Record a revocation with immediate effect: no collection from the day it was received.',
    body: z.strictObject({ receivedOn: CalendarDateSchema }),
    response: MandateDetailView,
    errors: ['MANDATE_NOT_FOUND', 'MANDATE_INVALID'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: mandatePath,
    access: 'staff',
    summary: 'Delete a mandate that was never used for a collection.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['MANDATE_NOT_FOUND', 'MANDATE_IN_USE'],
  }),
  putDocument: defineRoute({
    method: 'PUT',
    path: `${mandatePath}/document`,
    access: 'staff',
    summary: 'Store the one scanned document of a mandate (a PDF), replacing an earlier one.',
    body: MandateDocumentUpload,
    maxBodyBytes: 8 * 1024 * 1024,
    response: z.object({ fileName: z.string(), bytes: z.number().int() }),
    errors: ['MANDATE_NOT_FOUND', 'MANDATE_DOCUMENT_TOO_LARGE', 'MANDATE_DOCUMENT_NOT_PDF', 'PAYLOAD_TOO_LARGE'],
  }),
  getDocument: defineRoute({
    method: 'GET',
    path: `${mandatePath}/document.pdf`,
    access: 'staff',
    summary: 'The scanned document of a mandate.',
    produces: 'pdf',
    response: z.instanceof(Uint8Array),
    errors: ['MANDATE_NOT_FOUND', 'DOCUMENT_NOT_FOUND'],
  }),
  setAlternatePayer: defineRoute({
    method: 'PUT',
    path: `${organisationPath}/memberships/:membershipId/alternate-payer`,
    access: 'staff',
    summary: 'Let the person of another membership pay for this one (abweichender Beitragszahler), or the member again (null).',
    body: z.strictObject({ payerMembershipNumber: z.number().int().nullable() }),
    response: MembershipMandates,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MANDATE_INVALID'],
  }),
  check: defineRoute({
    method: 'GET',
    path: `${organisationPath}/mandate-check`,
    access: 'staff',
    summary: 'The mandate check (Mandatsprüfung): direct-debit payers with no or an unusable mandate, and mandates about to lapse.',
    query: z.strictObject({ date: CalendarDateSchema.optional() }),
    response: MandateCheckView,
    errors: [],
  }),
}
