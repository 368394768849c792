import { describe, expect, it } from 'vitest'
import { checkFeeClass, isFeeClassValidOn } from './fee-class'
import { isGroupOffered } from './fee-class-group'
import { anAccount, aFeeClass, aPaymentPlan } from '../testing/builders'

const accounts = [anAccount(), anAccount({ id: 'acc-bank', number: '1200', name: 'Bank', type: 'cash', receivableKind: null, priority: 0 })]
const plans = [aPaymentPlan('yearly'), aPaymentPlan('oneOff')]

describe('fee classes (handbook §9.10.1)', () => {
  const a = aFeeClass({ id: 'A', name: 'A', validFrom: '2020-01-01', validUntil: '2024-12-31', successorId: 'B' })
  const b = aFeeClass({ id: 'B', name: 'B', validFrom: '2025-01-01', validUntil: null })
  const catalogue = { accounts, plans, feeClasses: [a, b] }

  it('accepts a class ending on 31.12.2024 with a successor valid from 01.01.2025', () => {
    expect(checkFeeClass(a, catalogue)).toEqual([])
    expect(isFeeClassValidOn(a, '2024-12-31')).toBe(true)
    expect(isFeeClassValidOn(a, '2025-01-01')).toBe(false)
  })

  it.each([
    ['a one-off class with a successor', { paymentPlanId: 'plan-oneOff' }, 'one-off-successor'],
    ['a successor not valid the day after', { validUntil: '2024-06-30' }, 'successor-not-valid'],
    ['a successor without an end date', { validUntil: null }, 'successor-needs-end'],
    ['a cash account (docs/decisions/0000#d4)', { accountId: 'acc-bank' }, 'not-receivable'],
    ['an unknown plan', { paymentPlanId: 'nope' }, 'unknown-plan'],
    ['a duplicate name', { name: 'b' }, 'duplicate-name'],
  ])('refuses %s', (_, override, code) => {
    expect(checkFeeClass({ ...a, ...override }, catalogue).map((i) => i.code)).toContain(code)
  })

  it('offers a group only while all of its classes are valid (handbook version notes 5.4.0)', () => {
    const group = { items: [{ feeClassId: 'A', amount: 9600 }] }
    expect(isGroupOffered(group, [a, b], '2024-12-31')).toBe(true)
    expect(isGroupOffered(group, [a, b], '2025-01-01')).toBe(false)
    expect(isGroupOffered({ items: [{ feeClassId: 'gone', amount: 1 }] }, [a, b], '2025-01-01')).toBe(false)
  })
})
