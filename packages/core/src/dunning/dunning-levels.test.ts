import { describe, expect, it } from 'vitest'
import { dunningLevelChain, feeAccountProblems } from './dunning-level-chain'
import { dunningAccount, fiveLevels } from '../testing/dunning-builders'

function codesOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    return (error as { issues: { code: string }[] }).issues.map((i) => i.code)
  }
  return []
}

describe('dunning level configuration (handbook §9.10.6)', () => {
  it('orders the five-level example from first to last', () => {
    const chain = dunningLevelChain(fiveLevels())
    expect(chain.levels.map((l) => l.number)).toEqual([1, 2, 3, 4, 5])
    expect(chain.first.text).toBe('Zahlungserinnerung')
    expect(chain.last.text).toBe('Gerichtl. Mahnverfahren')
    expect(chain.next(4)?.number).toBe(5)
    expect(chain.next(5)).toBeUndefined()
  })

  it('follows next levels, not numbers', () => {
    const levels = fiveLevels({ 1: { nextLevel: 3 }, 3: { nextLevel: 2 }, 2: { nextLevel: 4 } })
    expect(dunningLevelChain(levels).levels.map((l) => l.number)).toEqual([1, 3, 2, 4, 5])
  })

  it('ignores invalid levels', () => {
    const levels = [
      ...fiveLevels({ 4: { nextLevel: 5 } }),
      ...fiveLevels()
        .slice(0, 1)
        .map((l) => ({ ...l, number: 9, valid: false, first: true })),
    ]
    expect(dunningLevelChain(levels).levels).toHaveLength(5)
  })

  it.each([
    ['no first level', fiveLevels({ 1: { first: false } }), 'first'],
    ['two first levels', fiveLevels({ 2: { first: true } }), 'first'],
    ['no last level', fiveLevels({ 5: { last: false, nextLevel: 1 } }), 'last'],
    ['two last levels', fiveLevels({ 4: { last: true, nextLevel: null } }), 'last'],
    ['a level without next', fiveLevels({ 3: { nextLevel: null } }), 'no-next'],
    ['a next level that does not exist', fiveLevels({ 3: { nextLevel: 7 } }), 'next-missing'],
    ['a next level that is invalid', fiveLevels({ 4: { valid: false } }), 'next-missing'],
    ['a cycle', fiveLevels({ 3: { nextLevel: 2 } }), 'cycle'],
    ['an unreachable level', fiveLevels({ 2: { nextLevel: 4 } }), 'unreachable'],
    ['a number twice', [...fiveLevels(), ...fiveLevels().slice(2, 3)], 'duplicate'],
  ])('refuses %s', (_name, levels, code) => {
    expect(() => dunningLevelChain(levels)).toThrow(expect.objectContaining({ code: 'DUNNING_LEVELS_INVALID' }))
    expect(codesOf(() => dunningLevelChain(levels))).toContain(code)
  })

  it('needs a dunning-costs account only for levels with a fee (docs/decisions/0000#d10)', () => {
    const chain = dunningLevelChain(fiveLevels())
    expect(feeAccountProblems(chain, [dunningAccount])).toEqual([])
    const noAccount = dunningLevelChain(fiveLevels({ 2: { feeAccountId: null } }))
    expect(feeAccountProblems(noAccount, [dunningAccount])).toEqual([expect.objectContaining({ level: 2, reason: 'no-account' })])
    expect(feeAccountProblems(chain, [])).toHaveLength(4)
    const wrongKind = { ...dunningAccount, receivableKind: 'main' as const }
    expect(feeAccountProblems(chain, [wrongKind]).map((p) => p.reason)).toEqual(Array(4).fill('not-dunning-costs'))
    expect(feeAccountProblems(chain, [{ ...dunningAccount, type: 'cash', receivableKind: null }])[0]?.reason).toBe('not-dunning-costs')
  })
})
