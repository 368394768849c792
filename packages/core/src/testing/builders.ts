import type { Account } from '../fees/account'
import type { FeeAssignment } from '../fees/assignment'
import type { FeeClass } from '../fees/fee-class'
import { paymentPlanTemplates, type PaymentPlan } from '../fees/payment-plan'
import type { ApplicationSubmissionInput } from '../applications/online-application'

/** Valid IBANs from public examples, for tests and demos. */
export const validIbans = {
  DE: 'DE89370400440532013000',
  AT: 'AT611904300234573201',
  SE: 'SE4550000000058398257466',
} as const

/** A complete, valid online application; pass fields to override. */
export function anApplicationSubmission(overrides: Partial<ApplicationSubmissionInput> = {}): ApplicationSubmissionInput {
  return {
    salutation: 'ms',
    firstName: 'Erika',
    lastName: 'Mustermann',
    dateOfBirth: '1984-08-12',
    address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' },
    email: 'erika.mustermann@example.org',
    phone: '+49 221 1234567',
    feeClassGroupId: 'standard',
    mandate: { accountHolder: 'Erika Mustermann', iban: validIbans.DE, consent: true },
    privacyConsent: true,
    ...overrides,
  }
}

/** A receivable account for membership fees, priority 1. */
export function anAccount(overrides: Partial<Account> = {}): Account {
  return { id: 'acc-fee', number: '4000', name: 'Mitgliedsbeitrag', type: 'receivable', receivableKind: 'main', priority: 1, ...overrides }
}

/** A payment plan from a template (`yearly` by default). */
export function aPaymentPlan(template: keyof typeof paymentPlanTemplates = 'yearly', overrides: Partial<PaymentPlan> = {}): PaymentPlan {
  return { id: `plan-${template}`, name: template, ...paymentPlanTemplates[template], ...overrides }
}

/** A fee class of 96,00 € a year on the yearly plan, valid from 2000. */
export function aFeeClass(overrides: Partial<FeeClass> = {}): FeeClass {
  return {
    id: 'fc-adult',
    name: 'Erwachsene',
    amount: 9600,
    paymentPlanId: 'plan-yearly',
    validFrom: '2000-01-01',
    validUntil: null,
    accountId: 'acc-fee',
    successorId: null,
    showInMembership: true,
    ...overrides,
  }
}

/** An open-ended assignment of `fc-adult` from 2025-04-15. */
export function aFeeAssignment(overrides: Partial<FeeAssignment> = {}): FeeAssignment {
  return {
    id: 'as-1',
    membershipId: 'm-1',
    feeClassId: 'fc-adult',
    validFrom: '2025-04-15',
    validUntil: null,
    paymentPlanId: null,
    amount: null,
    ...overrides,
  }
}
