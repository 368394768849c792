import { mandateReferenceKey } from '../sepa/mandate-reference'
import type { Mandate, MandateCollection } from './mandate'
import { compareDates } from '../calendar/calendar-date'

/**
 * What changed on a mandate since its last collection, sent once with the next collection (`AmdmntInd` and
 * `AmdmntInfDtls`, spec/sepa.md §3.6): the old reference, the old IBAN for a new account at the same bank, or
 * `SMNDA` ("same mandate, new debtor account") for an account at another bank.
 */
export interface MandateAmendment {
  readonly originalReference: string | null
  /** The old IBAN (same bank) or null. */
  readonly originalIban: string | null
  /** True for a new account at another bank: `OrgnlDbtrAcct/Id/Othr/Id` = `SMNDA`. */
  readonly newBank: boolean
}

/** Length of the bank identifier inside the BBAN, for the SEPA countries whose banks clubs meet most. */
const bankCodeLength: Readonly<Record<string, number>> = {
  DE: 8,
  AT: 5,
  CH: 5,
  LI: 5,
  NL: 4,
  BE: 3,
  LU: 3,
  FR: 5,
  IT: 5,
  ES: 4,
  SE: 3,
  DK: 4,
  FI: 3,
  PL: 8,
  CZ: 4,
  GB: 4,
  IE: 4,
}

/**
 * The bank an IBAN belongs to: country plus national bank code (for Italy after the check character). Undefined
 * for a country we do not know the layout of.
 */
export function bankOfIban(iban: string): string | undefined {
  const country = iban.slice(0, 2)
  const length = bankCodeLength[country]
  if (length === undefined) return undefined
  const bban = iban.slice(4)
  return country + (country === 'IT' ? bban.slice(1, 1 + length) : bban.slice(0, length))
}

/** True when both IBANs belong to the same bank; unknown layouts count as different banks (SMNDA is always allowed). */
export function isSameBank(a: string, b: string): boolean {
  const bankA = bankOfIban(a)
  return bankA !== undefined && bankA === bankOfIban(b)
}

/**
 * The amendment the next collection with `mandate` must carry: compares the mandate now with what its latest
 * collection (pending, exported or returned) carried. Undefined for a first collection or when nothing changed.
 */
export function amendmentFor(mandate: Mandate, collections: readonly MandateCollection[]): MandateAmendment | undefined {
  let latest: MandateCollection | undefined
  for (const c of collections) {
    if (c.mandateId !== mandate.id) continue
    if (latest === undefined || compareDates(c.collectionDate, latest.collectionDate) >= 0) latest = c
  }
  if (latest === undefined) return undefined
  const referenceChanged = mandateReferenceKey(latest.reference) !== mandateReferenceKey(mandate.reference)
  const ibanChanged = latest.iban !== mandate.iban
  if (!referenceChanged && !ibanChanged) return undefined
  const newBank = ibanChanged && !isSameBank(latest.iban, mandate.iban)
  return {
    originalReference: referenceChanged ? latest.reference : null,
    originalIban: ibanChanged && !newBank ? latest.iban : null,
    newBank,
  }
}
