import { describe, expect, it } from 'vitest'
import { planSuccessorSwitches } from './successor-switch'
import { aFeeAssignment, aFeeClass } from '../testing/builders'

describe('successor switch (rule D6 (docs/decisions/0000))', () => {
  const a = aFeeClass({ id: 'A', validFrom: '2020-01-01', validUntil: '2024-12-31', successorId: 'B' })
  const b = aFeeClass({ id: 'B', validFrom: '2025-01-01' })
  const c = aFeeClass({ id: 'C', validFrom: '2020-01-01', validUntil: '2024-12-31', successorId: null })
  const m = aFeeAssignment({ id: 'as-m', membershipId: 'M', feeClassId: 'A', validFrom: '2021-05-01', paymentPlanId: 'plan-halfYearly' })

  it('does nothing on 30.12.2024', () => {
    expect(planSuccessorSwitches([m], [a, b], '2024-12-30')).toEqual([])
  })

  it('on the last valid day, ends A on 31.12.2024 and starts B on 01.01.2025 with the same individual plan', () => {
    expect(planSuccessorSwitches([m], [a, b], '2024-12-31')).toEqual([
      {
        assignmentId: 'as-m',
        membershipId: 'M',
        endOn: '2024-12-31',
        successor: {
          membershipId: 'M',
          feeClassId: 'B',
          validFrom: '2025-01-01',
          validUntil: null,
          paymentPlanId: 'plan-halfYearly',
          amount: null,
        },
      },
    ])
  })

  it('catches up when run late, and is idempotent once applied', () => {
    expect(planSuccessorSwitches([m], [a, b], '2025-03-01')).toHaveLength(1)
    const applied = [
      { ...m, validUntil: '2024-12-31' },
      aFeeAssignment({ id: 'as-m2', membershipId: 'M', feeClassId: 'B', validFrom: '2025-01-01' }),
    ]
    expect(planSuccessorSwitches(applied, [a, b], '2025-03-01')).toEqual([])
  })

  it('lets a class without a successor simply expire', () => {
    expect(planSuccessorSwitches([{ ...m, feeClassId: 'C' }], [c], '2025-01-01')).toEqual([])
  })
})
