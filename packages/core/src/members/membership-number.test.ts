import { describe, expect, it } from 'vitest'
import { MembershipNumberRange, lowestFreeNumber, nextMembershipNumber } from './membership-number'

describe('membership numbers (handbook §11.6 Mitgliedschaft: next free number in sequence)', () => {
  const range = { from: 1000, to: 1999 }
  const next = (taken: number[]) => nextMembershipNumber(range, lowestFreeNumber(range.from, taken))

  it('starts at the range start and takes the next free number in sequence', () => {
    expect(next([])).toBe(1000)
    expect(next([1000, 1001, 1002])).toBe(1003)
    expect(next([12, 13])).toBe(1000)
  })
  it('is not moved by a number imported at the top of the range, and fills a gap in the sequence', () => {
    expect(next([1000, 1001, 1999])).toBe(1002)
    expect(next([1000, 1002, 1003])).toBe(1001)
  })
  it('refuses only when every number of the range is taken', () => {
    const all = Array.from({ length: 1000 }, (_, i) => 1000 + i)
    expect(() => next(all)).toThrowError(expect.objectContaining({ code: 'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED' }))
    expect(next(all.filter((n) => n !== 1500))).toBe(1500)
  })
  it('validates the range', () => {
    expect(MembershipNumberRange.safeParse({ from: 5, to: 4 }).success).toBe(false)
    expect(MembershipNumberRange.safeParse({ from: 0, to: 4 }).success).toBe(false)
  })
})
