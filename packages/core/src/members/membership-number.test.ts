import { describe, expect, it } from 'vitest'
import { MembershipNumberRange, nextMembershipNumber } from './membership-number'

describe('membership numbers', () => {
  const range = { from: 1000, to: 1999 }
  it('starts at the range start and continues above the highest used number', () => {
    expect(nextMembershipNumber(range, undefined)).toBe(1000)
    expect(nextMembershipNumber(range, 1041)).toBe(1042)
    expect(nextMembershipNumber(range, 12)).toBe(1000)
  })
  it('refuses when the range is used up', () => {
    expect(() => nextMembershipNumber(range, 1999)).toThrowError(expect.objectContaining({ code: 'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED' }))
  })
  it('validates the range', () => {
    expect(MembershipNumberRange.safeParse({ from: 5, to: 4 }).success).toBe(false)
    expect(MembershipNumberRange.safeParse({ from: 0, to: 4 }).success).toBe(false)
  })
})
