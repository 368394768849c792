/**
 * SEPA creditor identifier (Gläubiger-Identifikationsnummer): country, two check digits, a three-character
 * business code that is excluded from the check digits, and a national part. See spec/sepa.md §3.4.
 */

const shape = /^([A-Z]{2})(\d{2})([A-Za-z0-9+?/\-:().,']{3})([A-Za-z0-9+?/\-:().,']{1,28})$/

/** Upper-cases and removes spaces. */
export function normalizeCreditorId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** ISO 7064 mod 97-10 check digits over national part + country + `00`, business code excluded. */
export function creditorIdCheckDigits(countryCode: string, nationalId: string): string {
  const digits = `${nationalId}${countryCode}00`.toUpperCase().replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55))
  if (!/^\d+$/.test(digits)) return '--'
  let remainder = 0
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97
  return String(98 - remainder).padStart(2, '0')
}

/** True for a creditor identifier with valid shape and check digits; German ones must be exactly 18 characters. */
export function isValidCreditorId(input: string): boolean {
  const id = normalizeCreditorId(input)
  if (id.length > 35) return false
  const match = shape.exec(id)
  if (!match) return false
  const [, country = '', check = '', , national = ''] = match
  if (country === 'DE' && id.length !== 18) return false
  if (!/^[A-Z0-9]+$/.test(national)) return false
  return creditorIdCheckDigits(country, national) === check
}
