import { getCountrySpecifications, isSEPACountry, validateIBAN, ValidationErrorsIBAN } from 'ibantools'

/** Why an IBAN was refused, as a stable key clients can translate. */
export type IbanProblem = 'empty' | 'unknown-country' | 'not-sepa-country' | 'wrong-length' | 'wrong-format' | 'wrong-checksum'

/** What to tell a person for each problem (forms translate the problem key instead where they can). */
export const ibanProblemMessages: Readonly<Record<IbanProblem, string>> = {
  empty: 'Please enter an IBAN.',
  'unknown-country': 'The IBAN starts with an unknown country code.',
  'not-sepa-country': 'The IBAN belongs to a country outside the SEPA area.',
  'wrong-length': 'The IBAN has the wrong length for its country.',
  'wrong-format': 'The IBAN contains characters not allowed for its country.',
  'wrong-checksum': 'The IBAN check digits do not match; please check for typing errors.',
}

/** The outcome of checking an IBAN: the normalised IBAN, or the first problem found. */
export type IbanCheck = { valid: true; iban: string } | { valid: false; problem: IbanProblem }

/** Removes spaces (and other whitespace) and upper-cases: `de89 3704 0044 0532 0130 00` → `DE89370400440532013000`. */
export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/**
 * Checks an IBAN as a person may type it (spaces and lower case allowed): known country, that country's length
 * and format, ISO 7064 mod-97 check digits, and membership of the SEPA scheme.
 */
export function checkIban(input: string): IbanCheck {
  const iban = normalizeIban(input)
  if (iban === '') return { valid: false, problem: 'empty' }
  const result = validateIBAN(iban)
  if (!result.valid) {
    const first = result.errorCodes[0]
    const problem: IbanProblem =
      first === ValidationErrorsIBAN.NoIBANCountry
        ? 'unknown-country'
        : first === ValidationErrorsIBAN.WrongBBANLength
          ? 'wrong-length'
          : first === ValidationErrorsIBAN.WrongBBANFormat || first === ValidationErrorsIBAN.ChecksumNotNumber
            ? 'wrong-format'
            : 'wrong-checksum'
    return { valid: false, problem }
  }
  if (!isSEPACountry(iban.slice(0, 2))) return { valid: false, problem: 'not-sepa-country' }
  return { valid: true, iban }
}

/** True for a valid SEPA IBAN (spaces and lower case allowed). */
export function isValidIban(input: string): boolean {
  return checkIban(input).valid
}

/** Groups an IBAN in blocks of four for display: `DE89 3704 0044 0532 0130 00`. Works on partial input too. */
export function formatIban(input: string): string {
  return normalizeIban(input).replace(/(.{4})(?=.)/g, '$1 ')
}

/** The IBAN length of a country (`DE` → 22), or `undefined` for a country without IBANs. */
export function ibanLengthFor(countryCode: string): number | undefined {
  return getCountrySpecifications()[countryCode.toUpperCase()]?.chars ?? undefined
}
