import * as z from 'zod'
import { PersonInput } from '../people/person'
import { PaymentMethod } from '../ledger/balance-list'
import { CalendarDateSchema, IdSchema } from './scalars'
import { MembershipView } from './memberships'
import { defineRoute } from './define-route'

const newOrExisting = {
  person: PersonInput.optional(),
  /** Link an existing person connected to the organisation instead of recording a new one. */
  existingPersonId: z.uuid().optional(),
}
const oneOf = (p: { person?: unknown; existingPersonId?: unknown }) => (p.person === undefined) !== (p.existingPersonId === undefined)
const oneOfMessage = { message: 'Give either a new person or an existing person, not both.', path: ['person'] }

/** A person attached at capture (Persönliche Daten Partner): partner member or beneficiary. */
export const AttachedPersonInput = z
  .strictObject({ ...newOrExisting, role: z.enum(['partner', 'beneficiary']), joinedOn: CalendarDateSchema.optional() })
  .refine(oneOf, oneOfMessage)

/**
 * Member capture (Mitglied erfassen, handbook §8.1) as one operation: the duplicate check, the person, the
 * membership with the next free number, partners and beneficiaries, recruiter, alternate payer, the fee-class
 * group's classes and an optional immediate cash payment — all or nothing.
 */
export const MemberCapture = z
  .strictObject({
    ...newOrExisting,
    /** Continue although the duplicate check found candidates ("Erfassung fortsetzen"). */
    ignoreDuplicates: z.boolean().default(false),
    joinedOn: CalendarDateSchema.optional(),
    joiningReason: z.string().trim().min(1).max(100).optional(),
    membershipType: z.string().trim().min(1).max(60).optional(),
    paymentMethod: PaymentMethod.default('invoice'),
    /** Only groups whose classes are all valid on the joining day are accepted (MIA 5.4.0). */
    feeClassGroupId: z.uuid().optional(),
    recruitedByPersonId: z.uuid().optional(),
    alternatePayerPersonId: z.uuid().optional(),
    /** Vorverein, for a member transferred from another association (Ummeldung). */
    previousAssociation: z.string().trim().min(1).max(100).optional(),
    attached: z.array(AttachedPersonInput).max(20).default([]),
    /** Sofortzahlung: book the group's charges due on joining and their cash payment (gKontoBar). */
    immediatePayment: z.boolean().default(false),
    /** With a member database link: `local-only` keeps the member out of it for good (MIDA-06). */
    memberDatabase: z.enum(['synced', 'local-only']).default('synced'),
  })
  .refine(oneOf, oneOfMessage)
export type MemberCapture = z.infer<typeof MemberCapture>

export const MemberCaptureResult = z.object({
  membership: MembershipView,
  attached: z.array(z.object({ attachmentId: IdSchema, personId: IdSchema, role: z.enum(['partner', 'beneficiary']) })),
  /** The immediate payment's amount in cents, when one was booked. */
  immediatePayment: z.number().int().nullable(),
})

/** Member capture. */
export const memberCaptureRoutes = {
  capture: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/members',
    access: 'staff',
    status: 201,
    summary: 'Capture a member: duplicate check, person, membership, partners, recruiter, payer, fee classes, cash payment.',
    body: MemberCapture,
    response: MemberCaptureResult,
    errors: [
      'DUPLICATE_CANDIDATES',
      'PERSON_NOT_FOUND',
      'FEE_CLASS_GROUP_NOT_FOUND',
      'FEE_CLASS_GROUP_NOT_OFFERED',
      'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED',
      'CASH_ACCOUNT_NOT_SET',
    ],
  }),
} as const
