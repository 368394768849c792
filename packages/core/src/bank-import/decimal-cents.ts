import { VereinskitError } from '../errors/vereinskit-error'
import type { Cents } from '../money/cents'

const decimal = /^(\d{1,15})(?:\.(\d{1,17}))?$/

/**
 * Reads an ISO 20022 decimal amount (`123.45`, `7`, `0.50`) as exact cents, never through a float. More than two
 * decimals are accepted only when the extra ones are zeros (`12.500`); anything else is refused.
 */
export function decimalToCents(text: string, where: string): Cents {
  const match = decimal.exec(text.trim())
  if (!match) throw new VereinskitError('BANK_FILE_INVALID', `${where}: "${text}" is not an amount.`)
  const [, whole = '', fraction = ''] = match
  if (/[^0]/.test(fraction.slice(2))) throw new VereinskitError('BANK_FILE_INVALID', `${where}: "${text}" has fractions of a cent.`)
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) throw new VereinskitError('BANK_FILE_INVALID', `${where}: "${text}" is too large.`)
  return cents
}
