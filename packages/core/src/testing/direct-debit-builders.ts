import type { CalendarDate } from '../calendar/calendar-date'
import type { MandateCollection } from '../direct-debit/mandate'
import type { DirectDebitCandidate, DirectDebitRunContext, PayerMandate } from '../direct-debit/plan-direct-debit-run'
import { defaultClubSettings } from '../settings/club-settings'

/** A recurring mandate signed and valid from 1 October 2026, overridable field by field. */
export function aMandate(overrides: Partial<PayerMandate> = {}): PayerMandate {
  return {
    id: 'mandate-1',
    reference: 'VK-1-1',
    kind: 'recurring',
    validFrom: '2026-10-01',
    signedOn: '2026-10-01',
    limitedUntil: null,
    terminatedOn: null,
    iban: 'DE89370400440532013000',
    bic: null,
    accountHolder: 'Erika Mustermann',
    preNotificationChannel: 'letter',
    ...overrides,
  }
}

/** A direct-debit payer with one mandate and no open items unless the overrides say otherwise. */
export function aDirectDebitCandidate(membershipNumber: number, overrides: Partial<DirectDebitCandidate> = {}): DirectDebitCandidate {
  const membershipId = `membership-${membershipNumber}`
  return {
    membershipId,
    membershipNumber,
    paymentMethod: 'direct-debit',
    processingBlocked: false,
    payer: { personId: `person-${membershipNumber}`, name: 'Erika Mustermann', address: null, email: null, alternate: false },
    mandates: [aMandate({ id: `mandate-${membershipNumber}`, reference: `VK-${membershipNumber}-1` })],
    openItems: [],
    unallocatedCredit: 0,
    ...overrides,
  }
}

/** A planning context for `today` with the default settings and no earlier collections. */
export function aDirectDebitContext(today: CalendarDate, overrides: Partial<DirectDebitRunContext> = {}): DirectDebitRunContext {
  return { today, collections: [], collectingPostingIds: new Set(), settings: defaultClubSettings, ...overrides }
}

/** An exported collection with a mandate on `collectionDate`. */
export function aCollection(
  mandateId: string,
  collectionDate: CalendarDate,
  overrides: Partial<MandateCollection> = {},
): MandateCollection {
  return {
    mandateId,
    collectionDate,
    status: 'exported',
    sequenceType: 'RCUR',
    reference: 'VK-1-1',
    iban: 'DE89370400440532013000',
    ...overrides,
  }
}
