import * as z from 'zod'
import { PostalAddress } from '../applications/online-application'
import { PersonChanges, PersonInput, personShape } from '../people/person'
import { PersonSearchCriteria } from '../people/search-criteria'
import { PaymentMethod } from '../ledger/balance-list'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

const Role = z.enum(['H', 'P', 'L'])

/** A person's place in one of this organisation's memberships. */
export const PersonPlaceView = z.object({
  membershipId: IdSchema,
  number: z.number().int(),
  role: Role,
  /** For P and L: the attachment's id (to end it). */
  attachmentId: IdSchema.nullable(),
  joinedOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.nullable(),
  state: z.enum(['active', 'inactive', 'archived']),
})

/** A person of the shared address book, as an organisation connected to them sees them. */
export const PersonView = z.object({ id: IdSchema, ...personShape, places: z.array(PersonPlaceView) })
export type PersonView = z.infer<typeof PersonView>

/** A new person kept as a contact (Person erfassen); the duplicate check runs unless `ignoreDuplicates`. */
export const PersonCreate = z.strictObject({ person: PersonInput, ignoreDuplicates: z.boolean().default(false) })

/** Advanced search (Erweiterte Suche, handbook §4.3): every filter given must hold (AND). */
export const AdvancedFilters = z.strictObject({
  role: Role.optional(),
  state: z.enum(['active', 'inactive', 'archived']).optional(),
  feeClassId: z.uuid().optional(),
  paymentMethod: PaymentMethod.optional(),
  /** Current dunning level from … to …, inclusive. */
  dunningLevelFrom: z.number().int().min(0).max(99).optional(),
  dunningLevelTo: z.number().int().min(0).max(99).optional(),
  /** Membership markers (Kennzeichen): all of them. */
  markers: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  dataProtectionRequested: z.boolean().optional(),
  admissionBlocked: z.boolean().optional(),
  /** The address letters go to is marked invalid. */
  addressInvalid: z.boolean().optional(),
  processingBlocked: z.boolean().optional(),
  joinedFrom: CalendarDateSchema.optional(),
  joinedTo: CalendarDateSchema.optional(),
  leftFrom: CalendarDateSchema.optional(),
  leftTo: CalendarDateSchema.optional(),
  bornFrom: CalendarDateSchema.optional(),
  bornTo: CalendarDateSchema.optional(),
  /** Account balance in cents (debt negative, docs/decisions/0000#d1), from … to …, inclusive. */
  balanceFrom: z.number().int().optional(),
  balanceTo: z.number().int().optional(),
})
export type AdvancedFilters = z.infer<typeof AdvancedFilters>

/** A search: the standard fields and/or advanced filters; at least one of them. */
export const PersonSearchRequest = z
  .strictObject({
    criteria: PersonSearchCriteria.default({}),
    filters: AdvancedFilters.default({}),
    /** Show archived memberships (they are never put on result lists). */
    includeArchived: z.boolean().default(true),
    /** The day states and balances are read for; today unless given. */
    asOf: CalendarDateSchema.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(1000).optional(),
  })
  .refine((r) => Object.values(r.criteria).some((v) => v !== undefined) || Object.values(r.filters).some((v) => v !== undefined), {
    message: 'Fill in at least one search field or filter.',
    path: ['criteria'],
  })
export type PersonSearchRequest = z.infer<typeof PersonSearchRequest>

/** One result row (handbook §4.1): the person, and the membership place it was found in (none for a contact). */
export const PersonSearchHitView = z.object({
  personId: IdSchema,
  membershipId: IdSchema.nullable(),
  number: z.number().int().nullable(),
  role: Role.nullable(),
  inactive: z.boolean(),
  archived: z.boolean(),
  lastName: z.string(),
  firstName: z.string(),
  company: z.string().nullable(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  dateOfBirth: CalendarDateSchema.nullable(),
})
export type PersonSearchHitView = z.infer<typeof PersonSearchHitView>

/** Search results, one page: `truncated` when more rows follow, which `nextCursor` fetches. */
export const PersonSearchResult = z.object({
  items: z.array(PersonSearchHitView),
  truncated: z.boolean(),
  nextCursor: z.string().nullable(),
})

/** What the duplicate check compares (Prüfen, handbook §8.1). */
export const DuplicateProbeInput = z.strictObject({
  lastName: z.string().trim().max(100).default(''),
  firstName: z.string().trim().max(100).default(''),
  company: z.string().trim().max(100).nullable().optional(),
  dateOfBirth: CalendarDateSchema.nullable().optional(),
  email: z.string().trim().max(254).nullable().optional(),
  postalAddress: PostalAddress.partial().optional(),
  iban: z.string().max(50).optional(),
})
export type DuplicateProbeInput = z.infer<typeof DuplicateProbeInput>

/** A possible duplicate, with the fields that agree. */
export const DuplicateCandidateView = z.object({
  personId: IdSchema,
  name: z.string(),
  dateOfBirth: CalendarDateSchema.nullable(),
  city: z.string(),
  score: z.number().int(),
  sameName: z.boolean(),
  sameCompany: z.boolean(),
  fields: z.array(z.string()),
})
export const DuplicateCheckResult = z.object({ candidates: z.array(DuplicateCandidateView) })

/** One line of the audit log. */
export const PersonAuditEntryView = z.object({
  id: IdSchema,
  changedAt: TimestampSchema,
  /** The key that changed it, when it was this organisation's; `other-organisation` or `person` otherwise. */
  actor: z.string(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
})

const base = '/organisations/:organisationId'

/** The shared address book: persons, search, duplicate check and the audit log. */
export const personRoutes = {
  search: defineRoute({
    method: 'POST',
    path: `${base}/persons/search`,
    access: 'staff',
    summary: 'Standard and advanced search over the persons connected to the organisation (wildcards, folding).',
    body: PersonSearchRequest,
    response: PersonSearchResult,
    errors: [],
  }),
  create: defineRoute({
    method: 'POST',
    path: `${base}/persons`,
    access: 'staff',
    status: 201,
    summary: 'Record a person as a contact of the organisation (after the duplicate check).',
    body: PersonCreate,
    response: PersonView,
    errors: ['DUPLICATE_CANDIDATES'],
  }),
  get: defineRoute({
    method: 'GET',
    path: `${base}/persons/:personId`,
    access: 'staff',
    summary: 'One person connected to the organisation, with their places in its memberships.',
    response: PersonView,
    errors: ['PERSON_NOT_FOUND'],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: `${base}/persons/:personId`,
    access: 'staff',
    summary: 'Change a person (everywhere: the address book is shared); every change is written to the audit log.',
    body: PersonChanges,
    response: PersonView,
    errors: ['PERSON_NOT_FOUND'],
  }),
  audit: defineRoute({
    method: 'GET',
    path: `${base}/persons/:personId/audit`,
    access: 'staff',
    summary: "The person's audit log: who changed which field when, before and after; newest first.",
    response: z.object({ items: z.array(PersonAuditEntryView) }),
    errors: ['PERSON_NOT_FOUND'],
  }),
  duplicates: defineRoute({
    method: 'POST',
    path: `${base}/persons/duplicate-check`,
    access: 'staff',
    summary: 'Possible duplicates among the persons connected to the organisation, with score and agreeing fields.',
    body: z.strictObject({ person: DuplicateProbeInput, mode: z.enum(['interactive', 'automatic']).default('interactive') }),
    response: DuplicateCheckResult,
    errors: [],
  }),
} as const
