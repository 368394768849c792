import * as z from 'zod'
import { MembershipPeriodInput } from '../members/membership-period'
import { CalendarDateSchema, IdSchema } from './scalars'
import { PageQuery, pageOf } from './pagination'
import { defineRoute } from './define-route'

export const MembershipPeriodView = MembershipPeriodInput.extend({ id: IdSchema, registrations: z.number().int() })

export const PeriodRegistrationView = z.object({
  id: IdSchema,
  periodId: IdSchema,
  personId: IdSchema,
  name: z.string(),
  registeredOn: CalendarDateSchema,
})

const path = '/organisations/:organisationId/membership-periods'

/** Membership periods (medlemsperioder) and who was a member in which. */
export const membershipPeriodRoutes = {
  list: defineRoute({
    method: 'GET',
    path,
    access: 'staff',
    summary: "The organisation's periods, oldest first, with their number of registrations.",
    response: z.object({ items: z.array(MembershipPeriodView) }),
    errors: [],
  }),
  create: defineRoute({
    method: 'POST',
    path,
    access: 'staff',
    status: 201,
    summary: 'Add a period (name, start, end); periods must not overlap.',
    body: MembershipPeriodInput,
    response: MembershipPeriodView,
    errors: ['DUPLICATE_NAME'],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: `${path}/:periodId`,
    access: 'staff',
    summary: 'Rename a period, or move its dates while nobody is registered for it.',
    body: MembershipPeriodInput.partial(),
    response: MembershipPeriodView,
    errors: ['MEMBERSHIP_PERIOD_NOT_FOUND', 'MEMBERSHIP_PERIOD_IN_USE', 'DUPLICATE_NAME'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${path}/:periodId`,
    access: 'staff',
    summary: 'Delete a period nobody is registered for.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['MEMBERSHIP_PERIOD_NOT_FOUND', 'MEMBERSHIP_PERIOD_IN_USE'],
  }),
  register: defineRoute({
    method: 'POST',
    path: `${path}/:periodId/registrations`,
    access: 'staff',
    status: 201,
    summary: 'Register a person connected to the organisation as a member in the period (once per person and period).',
    body: z.strictObject({ personId: z.uuid(), registeredOn: CalendarDateSchema.optional() }),
    response: PeriodRegistrationView,
    errors: ['MEMBERSHIP_PERIOD_NOT_FOUND', 'PERSON_NOT_FOUND', 'ALREADY_REGISTERED_FOR_PERIOD'],
  }),
  registrations: defineRoute({
    method: 'GET',
    path: `${path}/:periodId/registrations`,
    access: 'staff',
    summary: 'Members in the period, by name, in cursor pages.',
    query: PageQuery,
    response: pageOf(PeriodRegistrationView),
    errors: ['MEMBERSHIP_PERIOD_NOT_FOUND'],
  }),
  unregister: defineRoute({
    method: 'DELETE',
    path: `${path}/:periodId/registrations/:registrationId`,
    access: 'staff',
    summary: 'Take a registration back.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['MEMBERSHIP_PERIOD_NOT_FOUND'],
  }),
} as const
