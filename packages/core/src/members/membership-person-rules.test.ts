import { describe, expect, it } from 'vitest'
import { checkAttachment, checkNewMainMember, takeoverDate } from './membership-person-rules'
import { checkMembershipPeriod } from './membership-period'
import { membershipStateOn } from './membership-state'

const membership = { id: 'm1', mainPersonId: 'h', joinedOn: '2020-01-01', endsOn: null }
const none = { mainOf: [], attachedTo: [] }
const codes = (issues: { code: string }[]) => issues.map((i) => i.code)

describe('partners and beneficiaries (handbook §11.6 rules 19–24)', () => {
  it('a free person can be attached from the membership start on', () => {
    expect(checkAttachment(membership, 'p', none, '2024-01-01')).toEqual([])
  })
  it('a main member of a current membership cannot be P or L of another; after that membership ended they can', () => {
    const places = { mainOf: [{ membershipId: 'm2', endsOn: '2023-12-31' }], attachedTo: [] }
    expect(codes(checkAttachment(membership, 'p', places, '2023-06-01'))).toEqual(['main-member-elsewhere'])
    expect(checkAttachment(membership, 'p', places, '2024-01-01')).toEqual([])
  })
  it('nobody is attached to their own membership, twice, or outside the membership', () => {
    expect(codes(checkAttachment(membership, 'h', none, '2024-01-01'))).toEqual(['main-member'])
    const attached = { mainOf: [], attachedTo: [{ membershipId: 'm1', leftOn: null }] }
    expect(codes(checkAttachment(membership, 'p', attached, '2024-01-01'))).toEqual(['already-attached'])
    expect(codes(checkAttachment(membership, 'p', none, '2019-12-31'))).toEqual(['before-membership'])
    expect(codes(checkAttachment({ ...membership, endsOn: '2024-12-31' }, 'p', none, '2025-01-01'))).toEqual(['after-membership'])
  })
  it('P übernimmt H: the takeover is the day after the exit, also across a year end', () => {
    expect(takeoverDate('2026-12-31')).toBe('2027-01-01')
    expect(takeoverDate('2028-02-28')).toBe('2028-02-29')
  })
})

describe('membership periods (medlemsperioder)', () => {
  const year = { id: 'y', name: '2024/25', startsOn: '2024-07-01', endsOn: '2025-06-30' }
  it('needs start ≤ end, no overlap and a unique name', () => {
    expect(checkMembershipPeriod({ name: '2025/26', startsOn: '2025-07-01', endsOn: '2026-06-30' }, [year])).toEqual([])
    expect(codes(checkMembershipPeriod({ name: 'x', startsOn: '2025-07-01', endsOn: '2025-06-30' }, []))).toEqual(['before-start'])
    expect(codes(checkMembershipPeriod({ name: 'VT 2025', startsOn: '2025-01-01', endsOn: '2025-06-30' }, [year]))).toEqual(['overlaps'])
    expect(codes(checkMembershipPeriod({ name: '2024/25', startsOn: '2030-01-01', endsOn: '2030-06-30' }, [year]))).toEqual([
      'duplicate-name',
    ])
  })
})

describe('membership state', () => {
  it('active until the end date inclusive, inactive after it, archived above all', () => {
    expect(membershipStateOn({ endsOn: '2026-12-31', archivedOn: null }, '2026-12-31')).toBe('active')
    expect(membershipStateOn({ endsOn: '2026-12-31', archivedOn: null }, '2027-01-01')).toBe('inactive')
    expect(membershipStateOn({ endsOn: '2020-12-31', archivedOn: '2022-01-01' }, '2021-01-01')).toBe('archived')
    expect(membershipStateOn({ endsOn: null, archivedOn: null }, '2099-01-01')).toBe('active')
  })
})

describe('a new main member (§11.6 rule 20, the other way round)', () => {
  it('refuses a current partner elsewhere and a member paying for themself; a former partner may join', () => {
    const attached = { mainOf: [], attachedTo: [{ membershipId: 'm9', leftOn: '2025-12-31' }] }
    expect(codes(checkNewMainMember('p', attached, '2025-06-01', null))).toEqual(['attached-elsewhere'])
    expect(checkNewMainMember('p', attached, '2026-01-01', null)).toEqual([])
    expect(codes(checkNewMainMember('p', none, '2026-01-01', 'p'))).toEqual(['payer-is-member'])
  })
})
