import * as z from 'zod'
import { IdSchema, CalendarDateSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

/** The CRM connection: its address and token (stored sealed, never returned). */
export const CrmConnectionInput = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
  /** The agency's individual token (Parameter 1 of the system connection, REF-08). */
  token: z.string().min(1).max(2000),
})
export const CrmConnectionView = z.object({ baseUrl: z.string(), credentialsStored: z.literal(true) })

/** An external customer as loaded now; nothing of it is stored. */
export const ExternalCustomerView = z.object({
  externalId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
})

export const CustomerReferenceView = z.object({
  personId: IdSchema,
  externalId: z.string(),
  /** `unavailable`: the customer was deleted externally; nothing personal is kept here (REF-05). */
  status: z.enum(['available', 'unavailable']),
  customer: ExternalCustomerView.nullable(),
  /** What the provider offers beyond the record (REF-06), when it offers anything. */
  extras: z.record(z.string(), z.unknown()).nullable(),
})

const ConversionLine = z.object({
  personId: IdSchema,
  externalId: z.string(),
  outcome: z.enum(['convert', 'convert-with-warning', 'make-local', 'merge-into-reference']),
  differs: z.array(z.enum(['firstName', 'lastName', 'email'])).optional(),
  referencePersonId: IdSchema.optional(),
  warning: z.string().nullable(),
})
export const ConversionPreview = z.object({
  idempotencyKey: z.string(),
  asOf: CalendarDateSchema,
  converted: z.number().int(),
  convertedWithWarning: z.number().int(),
  madeLocal: z.number().int(),
  merged: z.number().int(),
  lines: z.array(ConversionLine),
})
export const ConversionRunView = ConversionPreview.extend({ runId: IdSchema, appliedAt: TimestampSchema })

export const ReviewListItem = z.object({
  personId: IdSchema,
  externalId: z.string(),
  name: z.string(),
  reason: z.string(),
})

const path = '/organisations/:organisationId/crm'

/** Reference-only links to an external CRM, and the conversion of local copies into references. */
export const customerReferenceRoutes = {
  connect: defineRoute({
    method: 'PUT',
    path: `${path}/connection`,
    access: 'staff',
    summary: 'Set the CRM connection; the token is checked first and stored sealed.',
    body: CrmConnectionInput,
    response: CrmConnectionView,
    errors: ['CONNECTOR_CREDENTIALS_INVALID', 'CONNECTOR_NOT_CONFIGURED'],
  }),
  connection: defineRoute({
    method: 'GET',
    path: `${path}/connection`,
    access: 'staff',
    summary: 'The CRM connection, without its token.',
    response: CrmConnectionView,
    errors: ['CONNECTOR_NOT_CONFIGURED'],
  }),
  search: defineRoute({
    method: 'GET',
    path: `${path}/customers`,
    access: 'staff',
    summary: "Search the CRM's customers live; nothing is stored (REF-03).",
    query: z.object({ q: z.string().trim().min(1).max(100) }),
    response: z.object({ items: z.array(ExternalCustomerView.extend({ personId: IdSchema.nullable() })) }),
    errors: ['CONNECTOR_NOT_CONFIGURED', 'CONNECTOR_CREDENTIALS_INVALID', 'CONNECTOR_UNAVAILABLE'],
  }),
  reference: defineRoute({
    method: 'POST',
    path: `${path}/references`,
    access: 'staff',
    status: 201,
    summary: 'Make a person that only references a CRM customer (or find the existing one); no personal data is stored.',
    body: z.strictObject({ externalId: z.string().trim().min(1).max(100) }),
    response: CustomerReferenceView,
    errors: ['CONNECTOR_NOT_CONFIGURED', 'REFERENCE_NOT_FOUND', 'CONNECTOR_UNAVAILABLE'],
  }),
  load: defineRoute({
    method: 'GET',
    path: `${path}/references/:personId`,
    access: 'staff',
    summary: "A referenced customer's data, loaded from the CRM now (REF-02).",
    response: CustomerReferenceView,
    errors: ['PERSON_NOT_FOUND', 'CONNECTOR_NOT_CONFIGURED', 'CONNECTOR_UNAVAILABLE'],
  }),
  recordCopy: defineRoute({
    method: 'POST',
    path: `${path}/copies`,
    access: 'staff',
    status: 201,
    summary: 'Record that a person is a local copy of a CRM customer (the old export link), to be converted later.',
    body: z.strictObject({ personId: IdSchema, externalId: z.string().trim().min(1).max(100) }),
    response: z.object({ personId: IdSchema, externalId: z.string() }),
    errors: ['PERSON_NOT_FOUND', 'DUPLICATE_NAME', 'MEMBER_FIELD_LOCKED', 'PERSON_SHARED'],
  }),
  previewConversion: defineRoute({
    method: 'POST',
    path: `${path}/conversions/preview`,
    access: 'staff',
    summary: 'Check the credentials, then compare every local copy with the CRM: the report of what the run would do.',
    response: ConversionPreview,
    errors: ['CONNECTOR_NOT_CONFIGURED', 'CONNECTOR_CREDENTIALS_INVALID', 'CONNECTOR_UNAVAILABLE'],
  }),
  convert: defineRoute({
    method: 'POST',
    path: `${path}/conversions`,
    access: 'staff',
    status: 201,
    summary: 'Apply the previewed conversion; the copies are locked while it runs.',
    body: z.strictObject({ idempotencyKey: z.string().min(1).max(200) }),
    response: ConversionRunView,
    errors: [
      'CONNECTOR_NOT_CONFIGURED',
      'CONNECTOR_CREDENTIALS_INVALID',
      'CONNECTOR_UNAVAILABLE',
      'RUN_PLAN_CHANGED',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  }),
  reviewList: defineRoute({
    method: 'GET',
    path: `${path}/review-list`,
    access: 'staff',
    summary: 'Persons kept locally because their CRM customer was deleted: check whether their data may be kept (REF-13).',
    response: z.object({ items: z.array(ReviewListItem) }),
    errors: [],
  }),
  settleReview: defineRoute({
    method: 'POST',
    path: `${path}/review-list/:personId`,
    access: 'staff',
    summary: 'Settle a review: keep the person, or anonymise every personal field (business records stay).',
    body: z.strictObject({ decision: z.enum(['keep', 'anonymise']) }),
    response: z.object({ personId: IdSchema, decision: z.enum(['keep', 'anonymise']) }),
    errors: ['PERSON_NOT_FOUND'],
  }),
}
