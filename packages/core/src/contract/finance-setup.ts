import * as z from 'zod'
import { Account } from '../fees/account'
import { FeeClass } from '../fees/fee-class'
import { NewPaymentPlan, PaymentPlan, YearRule } from '../fees/payment-plan'
import { ClubSettings } from '../settings/club-settings'
import { CalendarDateSchema, CentsSchema, IdSchema, AmountSchema } from './scalars'
import { defineRoute } from './define-route'

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })
/** A payment-plan change: any of name and year rules; the result must be a valid plan. */
export const PaymentPlanUpdate = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  joiningYear: YearRule.optional(),
  secondYear: YearRule.optional(),
  laterYears: YearRule.optional(),
})

/** A website origin as a browser sends it: scheme, host and optional port, nothing else. */
export const WebsiteOrigin = z
  .string()
  .max(200)
  .refine((value) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(value), {
    message: 'Use an origin such as https://verein.example (scheme and host, no path).',
    params: { reason: 'invalid-origin' },
  })

/** The club settings plus the organisation's website settings. */
export const OrganisationSettings = ClubSettings.extend({
  /** Origins of the club websites allowed to embed the public forms. */
  websiteOrigins: z.array(WebsiteOrigin).max(20),
  /** The privacy notice linked from the application form; required while applications are offered online. */
  privacyNoticeUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
})
export type OrganisationSettings = z.infer<typeof OrganisationSettings>

/**
 * A change of some settings: only the fields sent change — defaults never fill in the others (a partial with
 * defaults would silently reset them) — and unknown fields are refused.
 */
export const OrganisationSettingsChange = z.strictObject(
  Object.fromEntries(
    Object.entries(OrganisationSettings.shape).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional(),
    ]),
  ) as { [K in keyof typeof OrganisationSettings.shape]: z.ZodOptional<z.ZodType<z.output<(typeof OrganisationSettings.shape)[K]>>> },
)

/** A new account. */
export const NewAccount = Account.omit({ id: true })
/** A new fee class; its catalogue rules are checked by the server with `checkFeeClass`. */
export const NewFeeClass = FeeClass.omit({ id: true })
/** The fields of a fee class that may change: its end, its successor, its visibility (fee increases are new classes). */
export const FeeClassChange = z.object({
  validUntil: CalendarDateSchema.nullable().optional(),
  successorId: IdSchema.nullable().optional(),
  showInMembership: z.boolean().optional(),
})

/** A fee-class group with its classes and amounts, and whether it can be chosen today. */
export const FeeClassGroupView = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  offeredOnline: z.boolean(),
  items: z.array(z.object({ feeClassId: IdSchema, amount: CentsSchema })),
  /** False when a class in it is not valid today: then it is not offered at capture (handbook version notes 5.4.0). */
  offeredToday: z.boolean(),
})
/** A new fee-class group. */
export const NewFeeClassGroup = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(300).nullable().default(null),
  isDefault: z.boolean().default(false),
  offeredOnline: z.boolean().default(false),
  items: z.array(z.object({ feeClassId: IdSchema, amount: AmountSchema.min(0) })).default([]),
})

/** Changes to a fee-class group; `items` replaces its classes and amounts. */
export const FeeClassGroupChange = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(300).nullable().optional(),
  isDefault: z.boolean().optional(),
  offeredOnline: z.boolean().optional(),
  items: z.array(z.object({ feeClassId: IdSchema, amount: AmountSchema.min(0) })).optional(),
})

/** Accounts, payment plans, fee classes, fee-class groups and club settings. */
export const financeSetupRoutes = {
  accounts: {
    list: defineRoute({
      method: 'GET',
      path: '/organisations/:organisationId/accounts',
      access: 'staff',
      summary: 'All finance accounts.',
      response: itemsOf(Account),
      errors: [],
    }),
    create: defineRoute({
      method: 'POST',
      path: '/organisations/:organisationId/accounts',
      access: 'staff',
      summary: 'Create a receivable or cash/bank account.',
      body: NewAccount,
      response: Account,
      status: 201,
      errors: ['DUPLICATE_NAME'],
    }),
  },
  paymentPlans: {
    list: defineRoute({
      method: 'GET',
      path: '/organisations/:organisationId/payment-plans',
      access: 'staff',
      summary: 'All payment plans.',
      response: itemsOf(PaymentPlan),
      errors: [],
    }),
    create: defineRoute({
      method: 'POST',
      path: '/organisations/:organisationId/payment-plans',
      access: 'staff',
      summary: 'Create a payment plan.',
      body: NewPaymentPlan,
      response: PaymentPlan,
      status: 201,
      errors: ['DUPLICATE_NAME'],
    }),
    update: defineRoute({
      method: 'PATCH',
      path: '/organisations/:organisationId/payment-plans/:paymentPlanId',
      access: 'staff',
      summary: 'Change a payment plan: future charges follow the new rules, charged periods are never charged again.',
      body: PaymentPlanUpdate,
      response: PaymentPlan,
      errors: ['PAYMENT_PLAN_NOT_FOUND', 'DUPLICATE_NAME'],
    }),
  },
  feeClasses: {
    list: defineRoute({
      method: 'GET',
      path: '/organisations/:organisationId/fee-classes',
      access: 'staff',
      summary: 'All fee classes.',
      response: itemsOf(FeeClass),
      errors: [],
    }),
    create: defineRoute({
      method: 'POST',
      path: '/organisations/:organisationId/fee-classes',
      access: 'staff',
      summary: 'Create a fee class.',
      body: NewFeeClass,
      response: FeeClass,
      status: 201,
      errors: ['DUPLICATE_NAME'],
    }),
    update: defineRoute({
      method: 'PATCH',
      path: '/organisations/:organisationId/fee-classes/:feeClassId',
      access: 'staff',
      summary: 'End a fee class, name its successor, or hide it.',
      body: FeeClassChange,
      response: FeeClass,
      errors: ['FEE_CLASS_NOT_FOUND'],
    }),
  },
  feeClassGroups: {
    list: defineRoute({
      method: 'GET',
      path: '/organisations/:organisationId/fee-class-groups',
      access: 'staff',
      summary: 'All fee-class groups with their classes.',
      response: itemsOf(FeeClassGroupView),
      errors: [],
    }),
    create: defineRoute({
      method: 'POST',
      path: '/organisations/:organisationId/fee-class-groups',
      access: 'staff',
      summary: 'Create a fee-class group.',
      body: NewFeeClassGroup,
      response: FeeClassGroupView,
      status: 201,
      errors: ['DUPLICATE_NAME', 'FEE_CLASS_NOT_FOUND'],
    }),
    update: defineRoute({
      method: 'PATCH',
      path: '/organisations/:organisationId/fee-class-groups/:groupId',
      access: 'staff',
      summary: 'Rename a group, make it the default, offer it online or not, or replace its classes.',
      body: FeeClassGroupChange,
      response: FeeClassGroupView,
      errors: ['NOT_FOUND', 'DUPLICATE_NAME', 'FEE_CLASS_NOT_FOUND'],
    }),
  },
  settings: {
    get: defineRoute({
      method: 'GET',
      path: '/organisations/:organisationId/settings',
      access: 'staff',
      summary: 'The club settings, with defaults filled in, and the website settings of the organisation.',
      response: OrganisationSettings,
      errors: [],
    }),
    update: defineRoute({
      method: 'PATCH',
      path: '/organisations/:organisationId/settings',
      access: 'staff',
      summary: 'Change some club or website settings (website origins, privacy notice, preselected payment method).',
      body: OrganisationSettingsChange,
      response: OrganisationSettings,
      errors: [],
    }),
  },
} as const
