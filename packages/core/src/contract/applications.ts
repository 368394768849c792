import * as z from 'zod'
import { ApplicationSubmission } from '../applications/online-application'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'
import { DuplicateCheckResult } from './people'
import { PageQuery, pageOf } from './pagination'

/** A fee-class group as the public application form offers it. */
export const OfferedFeeGroup = z.object({ id: IdSchema, name: z.string(), description: z.string().nullable() })

/** What a club website needs to render its application form. */
export const ApplicationForm = z.object({
  organisationId: IdSchema,
  organisationName: z.string(),
  /** Creditor identifier named in the SEPA mandate text; null if the club does not collect by direct debit. */
  creditorId: z.string().nullable(),
  privacyNoticeUrl: z.string().nullable(),
  feeClassGroups: z.array(OfferedFeeGroup),
  defaultFeeClassGroupId: IdSchema.nullable(),
  /** False while the club offers no group online (or has no privacy notice): the form says applications are closed. */
  applicationsOpen: z.boolean(),
  /** The payment method the form preselects (handbook version notes 5.4.1); direct debit only where the club has a creditor identifier. */
  preselectedPaymentMethod: z.enum(['direct-debit', 'invoice']),
  /** Today in the organisation's time zone, by the server's clock: the form checks dates against it, not the browser's. */
  today: CalendarDateSchema,
  /** The organisation's IANA time zone. */
  timeZone: z.string(),
})
export type ApplicationForm = z.infer<typeof ApplicationForm>

/** The receipt a submitter gets: enough to refer to the application, nothing more. */
export const ApplicationReceipt = z.object({ id: IdSchema, status: z.literal('pending'), submittedAt: TimestampSchema })
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>

/** An application as staff see it. */
export const Application = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  status: z.enum(['pending', 'accepted', 'rejected']),
  submittedAt: TimestampSchema,
  /** The day the application arrived, in the organisation's time zone; the SEPA mandate is dated on it. */
  submittedOn: CalendarDateSchema,
  decidedAt: TimestampSchema.nullable(),
  submission: ApplicationSubmission,
  feeClassGroupName: z.string(),
  rejectionReason: z.string().nullable(),
  personId: IdSchema.nullable(),
  membershipId: IdSchema.nullable(),
  membershipNumber: z.number().int().nullable(),
  /**
   * Pending applications in the list and single reads: the automatic duplicate check found a likely duplicate
   * among the organisation's persons (the handbook's red "?", §8.4); `…/duplicates` lists them.
   */
  possibleDuplicate: z.boolean().optional(),
})
export type Application = z.infer<typeof Application>

/** Staff's acceptance: the joining date defaults to the day of acceptance. */
export const AcceptApplicationRequest = z.object({
  joinedOn: CalendarDateSchema.optional(),
  /**
   * The applicant is a person this organisation knows already (a member of it): the membership is attached to that
   * person instead of a copy, and the handbook's mandate rules decide whether a new mandate is made (§8.4).
   */
  existingPersonId: IdSchema.optional(),
  /** Accept as a new person although the duplicate check found a likely duplicate. */
  ignoreDuplicates: z.boolean().default(false),
})
/** Staff's rejection with an optional internal reason. */
export const RejectApplicationRequest = z.object({ reason: z.string().trim().max(500).optional() })

/** Result of accepting: the application and what was created from it. */
export const AcceptedApplication = z.object({
  application: Application,
  membership: z.object({ id: IdSchema, number: z.number().int(), personId: IdSchema, joinedOn: CalendarDateSchema }),
  mandate: z.object({ id: IdSchema, reference: z.string() }).nullable(),
  /** For an existing person: whether the application's bank details made a new mandate, and why. */
  mandateDecision: z
    .object({
      action: z.enum(['create', 'keep']),
      reason: z.enum(['no-mandate', 'mandate-expired', 'bank-details-differ', 'no-bank-details', 'same-bank-details']),
    })
    .nullable(),
})

/** Filters of the staff application list. */
export const ApplicationListQuery = PageQuery.extend({ status: z.enum(['pending', 'accepted', 'rejected']).optional() })

/** Online membership application routes (public submit, staff review). */
export const applicationRoutes = {
  form: defineRoute({
    method: 'GET',
    path: '/public/organisations/:organisationId/application-form',
    access: 'public',
    summary: 'The data a club website needs to render its membership application form.',
    response: ApplicationForm,
    errors: [],
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/public/organisations/:organisationId/applications',
    access: 'public',
    summary: 'Submit an online membership application.',
    body: ApplicationSubmission,
    response: ApplicationReceipt,
    status: 201,
    errors: [],
  }),
  list: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/applications',
    access: 'staff',
    summary: 'List applications, newest first, optionally by status.',
    query: ApplicationListQuery,
    response: pageOf(Application),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/applications/:applicationId',
    access: 'staff',
    summary: 'One application with its state.',
    response: Application,
    errors: ['APPLICATION_NOT_FOUND'],
  }),
  accept: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/applications/:applicationId/accept',
    access: 'staff',
    summary: 'Accept an application: the person (or the linked existing one), the membership with the next number, the mandate.',
    body: AcceptApplicationRequest,
    response: AcceptedApplication,
    errors: [
      'APPLICATION_NOT_FOUND',
      'APPLICATION_ALREADY_ACCEPTED',
      'APPLICATION_ALREADY_REJECTED',
      'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED',
      'PERSON_NOT_FOUND',
      'DUPLICATE_CANDIDATES',
    ],
  }),
  duplicates: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/applications/:applicationId/duplicates',
    access: 'staff',
    summary: 'Possible duplicates of the applicant among the persons connected to the organisation (handbook §8.4 "?").',
    response: DuplicateCheckResult,
    errors: ['APPLICATION_NOT_FOUND'],
  }),
  reject: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/applications/:applicationId/reject',
    access: 'staff',
    summary: 'Reject an application.',
    body: RejectApplicationRequest,
    response: Application,
    errors: ['APPLICATION_NOT_FOUND', 'APPLICATION_ALREADY_ACCEPTED', 'APPLICATION_ALREADY_REJECTED'],
  }),
} as const
