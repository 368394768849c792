import type { CalendarDate } from '../calendar/calendar-date'
import { isMandateValidOn, mandateInUse, type Mandate, type MandateCollection } from './mandate'

/** The bank details an online application brings (IBAN normalised), or none. */
export interface ApplicationBankDetails {
  readonly iban: string
  readonly bic: string | null
  readonly accountHolder: string
}

/** What accepting an application does with the existing person's mandates (handbook §8.4, §11.5). */
export type MandateOnAcceptance =
  | { readonly action: 'create'; readonly reason: 'no-mandate' | 'mandate-expired' | 'bank-details-differ' }
  | { readonly action: 'keep'; readonly reason: 'no-bank-details' | 'same-bank-details'; readonly mandateId: string | null }

/**
 * The five mandate rules for accepting an application of a person already known (handbook §8.4, §11.5 "MIAOnline
 * application"): a new mandate from the application when the person has none, has only expired ones, or the
 * application's bank details differ from the current mandate's; no new mandate — the existing one stays — when
 * the application has no bank details or the same ones. "Expired" means not valid on the acceptance day for a
 * reason that does not pass by itself (ended, revoked, lapsed, used up); a mandate valid from a later day is kept
 * when the details match (docs/decisions/0000#d13).
 */
export function mandateOnAcceptance(
  details: ApplicationBankDetails | null,
  mandates: readonly Mandate[],
  collections: readonly MandateCollection[],
  acceptedOn: CalendarDate,
): MandateOnAcceptance {
  const current = mandateInUse(mandates, collections, acceptedOn) ?? mandates.find((m) => m.validFrom > acceptedOn)
  if (details === null) return { action: 'keep', reason: 'no-bank-details', mandateId: current?.id ?? null }
  if (mandates.length === 0) return { action: 'create', reason: 'no-mandate' }
  if (current === undefined) return { action: 'create', reason: 'mandate-expired' }
  if (current.iban !== details.iban) return { action: 'create', reason: 'bank-details-differ' }
  return { action: 'keep', reason: 'same-bank-details', mandateId: current.id }
}

/** True when any of the mandates can still be used on or after `date` (valid now or from a later day). */
export function hasUsableMandate(mandates: readonly Mandate[], collections: readonly MandateCollection[], date: CalendarDate): boolean {
  return mandates.some((m) => isMandateValidOn(m, collections, date) || m.validFrom > date)
}
