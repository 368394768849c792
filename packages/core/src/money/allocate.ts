import { InvalidAmountError, toCents, type Cents } from './cents'

/**
 * Splits `total` cents into parts proportional to integer `weights` by the largest-remainder method: the parts
 * always sum to exactly `total`, and ties go to the earlier part. A negative total is split like its absolute
 * value, with every part negative.
 * @example splitCents(1000, [1, 1, 1]) // [334, 333, 333]
 */
export function splitCents(total: Cents, weights: readonly number[]): Cents[] {
  toCents(total)
  if (weights.length === 0) throw new InvalidAmountError(total, 'cannot split into zero parts')
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new InvalidAmountError(total, 'split weights must be whole numbers, not negative')
  }
  const weightSum = BigInt(weights.reduce((a, b) => a + b, 0))
  if (weightSum === 0n) throw new InvalidAmountError(total, 'split weights must not all be zero')

  const abs = BigInt(Math.abs(total))
  const parts = weights.map((w, index) => {
    const product = abs * BigInt(w)
    return { index, amount: product / weightSum, remainder: product % weightSum }
  })
  let missing = abs - parts.reduce((sum, p) => sum + p.amount, 0n)
  const byRemainder = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
  for (const part of byRemainder) {
    if (missing === 0n) break
    part.amount += 1n
    missing -= 1n
  }
  const sign = total < 0 ? -1 : 1
  return parts.map((p) => (p.amount === 0n ? 0 : sign * Number(p.amount)))
}

/** Splits `total` into `count` parts that differ by at most one cent, larger parts first. */
export function splitCentsEvenly(total: Cents, count: number): Cents[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new InvalidAmountError(total, 'count must be a positive whole number')
  }
  return splitCents(
    total,
    Array.from({ length: count }, () => 1),
  )
}
