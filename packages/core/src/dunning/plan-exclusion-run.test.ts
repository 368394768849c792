import { describe, expect, it } from 'vitest'
import { defaultClubSettings } from '../settings/club-settings'
import { dunningLevelChain } from './dunning-level-chain'
import { exclusionEndDate, planExclusionRun, type ExclusionCandidate } from './plan-exclusion-run'
import { fiveLevels } from '../testing/dunning-builders'

const chain = dunningLevelChain(fiveLevels())
const settings = {
  exclusionLevel: 4,
  exclusionMinimumDebt: 5000,
  exclusionEndDate: '31.12.',
  exclusionReason: 'Ausschluss wegen Beitragsrückstand',
  exclusionMarker: 'AUS',
}
const member = (n: number, level: number | null, openDebt: number, rest: Partial<ExclusionCandidate> = {}): ExclusionCandidate => ({
  membershipId: `m-${n}`,
  membershipNumber: n,
  name: `Member ${n}`,
  level,
  endsOn: null,
  processingBlocked: false,
  openDebt,
  ...rest,
})

describe('exclusion run (handbook §6.12)', () => {
  it('completes ASL_Datum with the year of the run (31.12. in 2025 → 2025-12-31)', () => {
    expect(exclusionEndDate('31.12.', '2025-06-10')).toBe('2025-12-31')
    expect(exclusionEndDate('1.7.', '2025-06-10')).toBe('2025-07-01')
    expect(() => exclusionEndDate('30.02.', '2025-01-01')).toThrow(expect.objectContaining({ code: 'EXCLUSION_SETTINGS_MISSING' }))
  })

  it('proposes members at the level or beyond with open debt from ASL_Saldo on (docs/decisions/0000#d1)', () => {
    const candidates = [
      member(1, 4, 5000),
      member(2, 5, 9000),
      member(3, 3, 9000),
      member(4, 4, 4999),
      member(5, null, 9000),
      member(6, 5, 9000, { processingBlocked: true }),
    ]
    const plan = planExclusionRun({ runDate: '2025-06-10' }, candidates, settings, chain, '2025-06-10')
    expect(plan.proposals.map((p) => p.membershipNumber)).toEqual([1, 2])
    expect(plan).toMatchObject({
      endsOn: '2025-12-31',
      reason: 'Ausschluss wegen Beitragsrückstand',
      marker: 'AUS',
      selected: ['m-1', 'm-2'],
    })
  })

  it('applies only the selection: all, none or some; never a member not proposed', () => {
    const candidates = [member(1, 4, 5000), member(2, 5, 9000)]
    expect(planExclusionRun({ runDate: '2025-06-10', selected: ['m-2'] }, candidates, settings, chain, '2025-06-10').selected).toEqual([
      'm-2',
    ])
    expect(planExclusionRun({ runDate: '2025-06-10', selected: [] }, candidates, settings, chain, '2025-06-10').selected).toEqual([])
    expect(() => planExclusionRun({ runDate: '2025-06-10', selected: ['m-9'] }, candidates, settings, chain, '2025-06-10')).toThrow(
      expect.objectContaining({ code: 'RUN_PLAN_CHANGED' }),
    )
  })

  it('allows today but not a past run date, nor an end date before the run', () => {
    expect(() => planExclusionRun({ runDate: '2025-06-09' }, [], settings, chain, '2025-06-10')).toThrow(
      expect.objectContaining({ code: 'EXCLUSION_DATE_PAST' }),
    )
    const march = { ...settings, exclusionEndDate: '31.03.' }
    expect(() => planExclusionRun({ runDate: '2025-06-10' }, [], march, chain, '2025-06-10')).toThrow(
      expect.objectContaining({ code: 'EXCLUSION_DATE_PAST' }),
    )
  })

  it('leaves out memberships already ending by then, and needs its settings', () => {
    const leaving = member(1, 5, 9000, { endsOn: '2025-09-30' })
    expect(planExclusionRun({ runDate: '2025-06-10' }, [leaving], settings, chain, '2025-06-10').proposals).toEqual([])
    expect(() => planExclusionRun({ runDate: '2025-06-10' }, [], defaultClubSettings, chain, '2025-06-10')).toThrow(
      expect.objectContaining({ code: 'EXCLUSION_SETTINGS_MISSING' }),
    )
  })
})
