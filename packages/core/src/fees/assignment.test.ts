import { describe, expect, it } from 'vitest'
import { assertAssignmentRemovable, checkAssignmentPeriod, planFeeClassChange } from './assignment'
import { checkMembershipEnd } from '../members/membership-end'

describe('fee-class assignments (handbook §11.7)', () => {
  it('changes class by ending the current one the day before', () => {
    expect(planFeeClassChange({ id: 'a', validFrom: '2025-01-01', validUntil: null }, '2026-03-01')).toEqual({
      endCurrentOn: '2026-02-28',
      startNewOn: '2026-03-01',
    })
  })

  it('refuses a change on or before the start, or after the end', () => {
    expect(() => planFeeClassChange({ id: 'a', validFrom: '2025-01-01', validUntil: null }, '2025-01-01')).toThrowError(
      expect.objectContaining({ code: 'ASSIGNMENT_CHANGE_BEFORE_START' }),
    )
    expect(() => planFeeClassChange({ id: 'a', validFrom: '2025-01-01', validUntil: '2025-06-30' }, '2025-07-01')).toThrowError(
      expect.objectContaining({ code: 'ASSIGNMENT_ALREADY_ENDED' }),
    )
  })

  it('removes an assignment only while nothing was charged from it', () => {
    expect(() => assertAssignmentRemovable('a', 0)).not.toThrow()
    expect(() => assertAssignmentRemovable('a', 2)).toThrowError(expect.objectContaining({ code: 'ASSIGNMENT_CHARGED' }))
  })

  it('checks periods against themselves and the membership', () => {
    expect(checkAssignmentPeriod({ validFrom: '2026-01-01', validUntil: '2026-12-31' }, { joinedOn: '2025-04-15' })).toEqual([])
    expect(checkAssignmentPeriod({ validFrom: '2026-01-01', validUntil: '2025-12-31' }, { joinedOn: '2025-04-15' })).toMatchObject([
      { path: 'validUntil', code: 'before-start' },
    ])
    expect(checkAssignmentPeriod({ validFrom: '2025-01-01', validUntil: null }, { joinedOn: '2025-04-15' })).toMatchObject([
      { path: 'validFrom', code: 'before-joining' },
    ])
  })

  it('refuses a membership that ends before it began', () => {
    expect(checkMembershipEnd('2025-04-15', null)).toEqual([])
    expect(checkMembershipEnd('2025-04-15', '2025-04-15')).toEqual([])
    expect(checkMembershipEnd('2025-04-15', '2025-04-14')).toMatchObject([{ path: 'endsOn', code: 'before-joining' }])
  })
})
