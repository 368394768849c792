import { VereinskitError } from '../errors/vereinskit-error'

/** An exact amount of money in euro cents (integer; debits negative, credits positive). */
export type Cents = number

/** Error for text or numbers that are not an exact amount of cents. */
export class InvalidAmountError extends VereinskitError {
  override name = 'InvalidAmountError'
  constructor(
    readonly input: unknown,
    reason: string,
  ) {
    super('INVALID_AMOUNT', `${JSON.stringify(input)} is not a valid amount: ${reason}.`)
  }
}

/** True when `value` is a safe integer number of cents. */
export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

/** Returns `value` as cents, or throws `InvalidAmountError` for fractions, NaN and unsafe integers. */
export function toCents(value: number): Cents {
  if (!isCents(value)) throw new InvalidAmountError(value, 'cents must be a safe integer')
  return value
}

const plainAmount = /^([+-])?(\d+)(?:[.,](\d{1,2}))?$/
const groupedComma = /^([+-])?(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/ // 1.234,56 (German)
const groupedDot = /^([+-])?(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/ // 1,234.56 (English)

/**
 * Parses a euro amount typed by a person into cents: `"12,50"` and `"12.50"` → 1250, `"1.234,56"` → 123456,
 * `"-3,5"` → -350. More than two decimals, mixed-up or ambiguous separators (`"1.234"`) and empty text are
 * refused, never rounded.
 */
export function parseCents(text: string): Cents {
  const input = text.trim().replace(/\s*€$|^€\s*/g, '')
  // One separator followed by exactly three digits reads as 1234 in German and as 1.234 in English: refuse it
  // rather than guess by a factor of a thousand (docs/decisions/0001).
  if (/^[+-]?\d{1,3}[.,]\d{3}$/.test(input)) {
    throw new InvalidAmountError(text, 'the separator is ambiguous; write 1234,00 or 1.234,00')
  }
  const match = groupedComma.exec(input) ?? groupedDot.exec(input) ?? plainAmount.exec(input)
  if (!match) {
    throw new InvalidAmountError(text, 'expected a number with at most two decimals, such as 12,50 or 12.50')
  }
  const [, sign, whole = '', fraction = ''] = match
  const euros = Number(whole.replace(/[.,]/g, ''))
  const cents = euros * 100 + Number(fraction.padEnd(2, '0'))
  if (!Number.isSafeInteger(cents)) throw new InvalidAmountError(text, 'the amount is too large')
  return sign === '-' ? -cents || 0 : cents
}

/** Formats cents as a plain decimal with a dot and two decimals (`-1250` → `"-12.50"`), as SEPA XML expects. */
export function formatCentsDecimal(cents: Cents): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(toCents(cents))
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Sums amounts exactly; throws if the total leaves the safe-integer range. */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0
  for (const amount of amounts) total += toCents(amount)
  return toCents(total)
}
