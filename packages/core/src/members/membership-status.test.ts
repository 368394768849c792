import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, compareDates } from '../calendar/calendar-date'
import { membershipStatusOn } from './membership-status'

describe('membershipStatusOn', () => {
  const membership = { joinedOn: '2026-03-01', endsOn: '2026-12-31' }

  it('is active from the joining day through the last day, inclusive', () => {
    expect(membershipStatusOn(membership, '2026-02-28')).toBe('not-yet-joined')
    expect(membershipStatusOn(membership, '2026-03-01')).toBe('active')
    expect(membershipStatusOn(membership, '2026-12-31')).toBe('active')
    expect(membershipStatusOn(membership, '2027-01-01')).toBe('ended')
  })

  it('never ends without an end date', () => {
    expect(membershipStatusOn({ joinedOn: '2000-01-01', endsOn: null }, '2099-12-31')).toBe('active')
  })

  it('moves forward only: not yet joined, then active, then ended', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1990-01-01', n))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 5000 }), day, day, (joinedOn, length, a, b) => {
        const m = { joinedOn, endsOn: addDays(joinedOn, length) }
        const [first, later] = compareDates(a, b) <= 0 ? [a, b] : [b, a]
        const order = ['not-yet-joined', 'active', 'ended']
        expect(order.indexOf(membershipStatusOn(m, first))).toBeLessThanOrEqual(order.indexOf(membershipStatusOn(m, later)))
      }),
    )
  })
})
