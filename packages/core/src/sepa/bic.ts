import { isValidBIC } from 'ibantools'

/** True for a BIC of 8 or 11 characters with a known country code (`COBADEFFXXX`); case-insensitive, spaces ignored. */
export function isValidBic(input: string): boolean {
  return isValidBIC(normalizeBic(input))
}

/** Upper-cases and removes spaces. */
export function normalizeBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}
