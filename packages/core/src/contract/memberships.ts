import * as z from 'zod'
import { PostalAddress, Salutation } from '../applications/online-application'
import { PaymentMethod } from '../ledger/balance-list'
import { CalendarDateSchema, IdSchema } from './scalars'
import { defineRoute } from './define-route'
import { PageQuery, pageOf } from './pagination'

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

/** A partner member (P) or beneficiary (L) attached to a membership. */
export const AttachmentView = z.object({
  id: IdSchema,
  personId: IdSchema,
  role: z.enum(['partner', 'beneficiary']),
  name: z.string(),
  joinedOn: CalendarDateSchema,
  leftOn: CalendarDateSchema.nullable(),
})

/** A membership with its person, as its organisation sees it. */
export const MembershipView = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  number: z.number().int(),
  joinedOn: CalendarDateSchema,
  feeClassGroupId: IdSchema.nullable(),
  endsOn: CalendarDateSchema.nullable(),
  /** Active, inactive (ended) or archived, today. */
  state: z.enum(['active', 'inactive', 'archived']),
  paymentMethod: PaymentMethod,
  processingBlocked: z.boolean(),
  /** Sperre Online-Termine: the member may not book appointments online. */
  onlineAppointmentsBlocked: z.boolean(),
  /** The address letters go to (billing, else postal) is marked invalid; kept on the person. */
  addressInvalid: z.boolean(),
  /** The person's billing address; null when the postal address is used. */
  billingAddress: PostalAddress.nullable(),
  /** Aufnahmegrund. */
  joiningReason: z.string().nullable(),
  /** Mitgliedschaftsart. */
  membershipType: z.string().nullable(),
  /** Gekündigt am. */
  terminationReceivedOn: CalendarDateSchema.nullable(),
  /** Kündigungsgrund, e.g. set by an exclusion run. */
  leavingReason: z.string().nullable(),
  /** Kennzeichen der Mitgliedschaft (exclusion or collection markers, …). */
  markers: z.array(z.string()),
  recruitedByPersonId: IdSchema.nullable(),
  alternatePayerPersonId: IdSchema.nullable(),
  previousAssociation: z.string().nullable(),
  /** P übernimmt H: the membership this one continues. */
  takenOverFromMembershipId: IdSchema.nullable(),
  /** P übernimmt H: the membership that continues this one. */
  takenOverByMembershipId: IdSchema.nullable(),
  archivedOn: CalendarDateSchema.nullable(),
  person: z.object({
    id: IdSchema,
    salutation: Salutation,
    title: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    company: z.string().nullable(),
    dateOfBirth: CalendarDateSchema.nullable(),
    address: PostalAddress,
    email: z.string().nullable(),
    /** The private phone. */
    phone: z.string().nullable(),
    /** How letters reach the person: posted, or as a PDF by e-mail. */
    preferredChannel: z.enum(['letter', 'email']),
  }),
  attached: z.array(AttachmentView),
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
  onlineAppointmentsBlocked: z.boolean().optional(),
  addressInvalid: z.boolean().optional(),
  billingAddress: PostalAddress.nullable().optional(),
  joiningReason: z.string().trim().min(1).max(100).nullable().optional(),
  membershipType: z.string().trim().min(1).max(60).nullable().optional(),
  leavingReason: z.string().trim().min(1).max(100).nullable().optional(),
  markers: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  recruitedByPersonId: z.uuid().nullable().optional(),
  previousAssociation: z.string().trim().min(1).max(100).nullable().optional(),
})

/** The member list (Mitgliederliste): filters, a stable order and cursor pages. */
export const MembershipListQuery = PageQuery.extend({
  state: z.enum(['active', 'inactive', 'archived']).optional(),
  paymentMethod: PaymentMethod.optional(),
  feeClassGroupId: z.uuid().optional(),
  marker: z.string().trim().min(1).max(60).optional(),
  joinedFrom: CalendarDateSchema.optional(),
  joinedTo: CalendarDateSchema.optional(),
  sort: z.enum(['number', 'name', 'joinedOn']).default('number'),
  order: z.enum(['asc', 'desc']).default('asc'),
})

/** One row of the member list. */
export const MembershipListItem = z.object({
  id: IdSchema,
  number: z.number().int(),
  personId: IdSchema,
  name: z.string(),
  city: z.string(),
  joinedOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.nullable(),
  state: z.enum(['active', 'inactive', 'archived']),
  paymentMethod: PaymentMethod,
  markers: z.array(z.string()),
})

/**
 * A termination (Kündigung, handbook §11.6 rules 43–49): received on a day; the end defaults to the earliest the
 * notice period allows (docs/decisions/0000#d22). An earlier end needs `overrideNoticePeriod` (e.g. death).
 */
export const MembershipTermination = z.strictObject({
  receivedOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.optional(),
  reason: z.string().trim().min(1).max(100).optional(),
  overrideNoticePeriod: z.boolean().default(false),
  paymentMethod: PaymentMethod.optional(),
})

/** Attaching a known person as partner member (P) or beneficiary (L). */
export const AttachmentInput = z.strictObject({
  personId: z.uuid(),
  role: z.enum(['partner', 'beneficiary']),
  joinedOn: CalendarDateSchema.optional(),
})

/** "P übernimmt H" (handbook §11.6 rules 54–64). */
export const PartnerTakeover = z.strictObject({
  attachmentId: z.uuid(),
  /** Austritt of the outgoing main member; the takeover is the next day. */
  leavingOn: CalendarDateSchema,
  leavingReason: z.string().trim().min(1).max(100),
})

const path = '/organisations/:organisationId/memberships'

/** Membership routes. */
export const membershipRoutes = {
  list: defineRoute({
    method: 'GET',
    path,
    access: 'staff',
    summary: 'The member list: filter by state, payment method, group, marker and joining dates; stable order, cursor pages.',
    query: MembershipListQuery,
    response: pageOf(MembershipListItem),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: `${path}/:membershipId`,
    access: 'staff',
    summary: 'One membership with its person, attached persons and mandates.',
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: `${path}/:membershipId`,
    access: 'staff',
    summary: 'Change payment method, end, blocks, markers, reasons, type, recruiter, address validity or billing address.',
    body: MembershipUpdate,
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBERSHIP_ARCHIVED', 'PERSON_NOT_FOUND', 'MEMBERSHIP_TAKEN_OVER'],
  }),
  terminate: defineRoute({
    method: 'POST',
    path: `${path}/:membershipId/termination`,
    access: 'staff',
    summary: 'Record a termination; the end defaults to the earliest date the notice period allows.',
    body: MembershipTermination,
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBERSHIP_ARCHIVED', 'NOTICE_PERIOD_NOT_MET', 'MEMBERSHIP_TAKEN_OVER'],
  }),
  withdrawTermination: defineRoute({
    method: 'DELETE',
    path: `${path}/:membershipId/termination`,
    access: 'staff',
    summary: 'Withdraw a termination (Kündigung zurücknehmen): the membership runs on.',
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBERSHIP_ARCHIVED', 'MEMBERSHIP_NOT_TERMINATED', 'MEMBERSHIP_TAKEN_OVER'],
  }),
  attach: defineRoute({
    method: 'POST',
    path: `${path}/:membershipId/attached`,
    access: 'staff',
    status: 201,
    summary: 'Attach a person connected to the organisation as partner member (P) or beneficiary (L).',
    body: AttachmentInput,
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBERSHIP_ARCHIVED', 'PERSON_NOT_FOUND', 'MEMBERSHIP_TAKEN_OVER'],
  }),
  detach: defineRoute({
    method: 'POST',
    path: `${path}/:membershipId/attached/:attachmentId/leave`,
    access: 'staff',
    summary: 'End an attachment on its exit date (Austritt).',
    body: z.strictObject({ leftOn: CalendarDateSchema }),
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBERSHIP_ARCHIVED', 'ATTACHMENT_NOT_FOUND'],
  }),
  takeover: defineRoute({
    method: 'POST',
    path: `${path}/:membershipId/partner-takeover`,
    access: 'staff',
    status: 201,
    summary: 'P übernimmt H: end the membership and give the partner a new main membership from the next day.',
    body: PartnerTakeover,
    response: MembershipView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBERSHIP_ARCHIVED', 'ATTACHMENT_NOT_FOUND', 'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED'],
  }),
} as const
