import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { splitCents, splitCentsEvenly } from './allocate'
import { cents } from '../../test/arbitraries'

describe('splitCents', () => {
  it.each([
    [1000, [1, 1, 1], [334, 333, 333]],
    [10000, [1, 1, 1], [3334, 3333, 3333]],
    [100, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]],
    [-1000, [1, 1, 1], [-334, -333, -333]],
    [5, [1, 0, 1], [3, 0, 2]],
    [6000, [9, 3], [4500, 1500]],
    [1, [1, 1], [1, 0]],
  ])('splits %i by %j into %j', (total, weights, expected) => {
    expect(splitCents(total, weights)).toEqual(expected)
  })

  it('refuses empty, negative, fractional and all-zero weights', () => {
    for (const weights of [[], [-1, 2], [0.5, 1], [0, 0]]) {
      expect(() => splitCents(100, weights)).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }))
    }
  })

  test.prop([cents(), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 })])(
    'never creates or loses a cent',
    (total, weights) => {
      fc.pre(weights.some((w) => w > 0))
      const parts = splitCents(total, weights)
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      parts.forEach((part, i) => {
        const exact = (total * (weights[i] ?? 0)) / weights.reduce((a, b) => a + b, 0)
        expect(Math.abs(part - exact)).toBeLessThan(1)
        if (weights[i] === 0) expect(part).toBe(0)
      })
    },
  )

  test.prop([cents(), fc.integer({ min: 1, max: 60 })])('even parts differ by at most one cent', (total, count) => {
    const parts = splitCentsEvenly(total, count)
    expect(parts).toHaveLength(count)
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
  })
})
