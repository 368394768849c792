import * as z from 'zod'
import { PostalAddress, Salutation } from '../applications/online-application'
import { PaymentMethod } from '../ledger/balance-list'
import { CalendarDateSchema, IdSchema } from './scalars'
import { defineRoute } from './define-route'

/** A SEPA mandate as staff see it. */
export const MandateView = z.object({
  id: IdSchema,
  reference: z.string(),
  accountHolder: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  signedOn: CalendarDateSchema,
  creditorId: z.string(),
})

/** A membership with its person, as its organisation sees it. */
export const MembershipView = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  number: z.number().int(),
  joinedOn: CalendarDateSchema,
  feeClassGroupId: IdSchema.nullable(),
  endsOn: CalendarDateSchema.nullable(),
  paymentMethod: PaymentMethod,
  processingBlocked: z.boolean(),
  addressInvalid: z.boolean(),
  billingAddress: PostalAddress.nullable(),
  /** Kündigungsgrund, e.g. set by an exclusion run. */
  leavingReason: z.string().nullable(),
  /** Kennzeichen der Mitgliedschaft (exclusion or collection markers, …). */
  markers: z.array(z.string()),
  person: z.object({
    id: IdSchema,
    salutation: Salutation,
    title: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: CalendarDateSchema,
    address: PostalAddress,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    /** How letters reach the person: posted, or as a PDF by e-mail. */
    preferredChannel: z.enum(['letter', 'email']),
  }),
  mandates: z.array(MandateView),
})
export type MembershipView = z.infer<typeof MembershipView>

/**
 * What staff may change on a membership here: how it pays, its end, blocks, the billing address, and how its person
 * wants letters (the person's own setting, in every organisation they belong to).
 */
export const MembershipUpdate = z.object({
  paymentMethod: PaymentMethod.optional(),
  preferredChannel: z.enum(['letter', 'email']).optional(),
  endsOn: CalendarDateSchema.nullable().optional(),
  processingBlocked: z.boolean().optional(),
  addressInvalid: z.boolean().optional(),
  billingAddress: PostalAddress.nullable().optional(),
})

/** Membership routes. */
export const membershipRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/memberships/:membershipId',
    access: 'staff',
    summary: 'One membership with its person and mandates.',
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/organisations/:organisationId/memberships/:membershipId',
    access: 'staff',
    summary: 'Change payment method, end date, processing block, address validity or billing address.',
    body: MembershipUpdate,
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
} as const
