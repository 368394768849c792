import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { assertRunReversible, feeReversalOf, lastLetterToCancel, levelsToRestore, type DunningLetterEntry } from './dunning-reversal'

let sequence = 0
function letter(runId: string, membershipId: string, fromLevel: number | null, toLevel: number, letterOn: string): DunningLetterEntry {
  sequence += 1
  return { id: `l${sequence}`, runId, membershipId, sequence, fromLevel, previousLetterOn: null, toLevel, letterOn, cancelled: false }
}

describe('reversal order (handbook §6.3 Storno)', () => {
  // Run 1 (2025-02-01): A none→1, B none→1. Run 2 (2025-03-01): A 1→2, C none→1.
  const letters = [
    letter('run-1', 'A', null, 1, '2025-02-01'),
    letter('run-1', 'B', null, 1, '2025-02-01'),
    letter('run-2', 'A', 1, 2, '2025-03-01'),
    letter('run-2', 'C', null, 1, '2025-03-01'),
  ]

  it('refuses run 1 while run 2 shares member A, naming run 2', () => {
    expect(() => assertRunReversible('run-1', letters)).toThrow(
      expect.objectContaining({ code: 'DUNNING_REVERSAL_ORDER', message: expect.stringContaining('run-2') }),
    )
  })

  it('allows run 2 first, then run 1', () => {
    expect(() => assertRunReversible('run-2', letters)).not.toThrow()
    const afterRun2 = letters.map((l) => (l.runId === 'run-2' ? { ...l, cancelled: true } : l))
    expect(() => assertRunReversible('run-1', afterRun2)).not.toThrow()
  })

  it('allows any order for runs that share no member', () => {
    const disjoint = [letter('r1', 'A', null, 1, '2025-02-01'), letter('r2', 'B', null, 1, '2025-03-01')]
    expect(() => assertRunReversible('r1', disjoint)).not.toThrow()
  })

  it('lets a member whose later letter was cancelled singly no longer block', () => {
    const cancelledA = letters.map((l) => (l.runId === 'run-2' && l.membershipId === 'A' ? { ...l, cancelled: true } : l))
    expect(() => assertRunReversible('run-1', cancelledA)).not.toThrow()
  })
})

describe('cancel last dunning (docs/decisions/0000#d12)', () => {
  it('takes the latest letter, and the one before on repeating', () => {
    const own = [letter('r1', 'A', null, 1, '2025-02-01'), letter('r2', 'A', 1, 2, '2025-03-01')]
    const last = lastLetterToCancel(own, 'A')
    expect(last.toLevel).toBe(2)
    const next = lastLetterToCancel(
      own.map((l) => (l.id === last.id ? { ...l, cancelled: true } : l)),
      'A',
    )
    expect(next.toLevel).toBe(1)
    expect(() =>
      lastLetterToCancel(
        own.map((l) => ({ ...l, cancelled: true })),
        'A',
      ),
    ).toThrow(expect.objectContaining({ code: 'DUNNING_NOTHING_TO_CANCEL' }))
  })

  it('gives back the previous level and date unless the level was corrected by hand since (docs/decisions/0015)', () => {
    const second = { ...letter('r2', 'A', 1, 2, '2025-03-01'), previousLetterOn: '2025-02-01' }
    const asSet = new Map([['A', { level: 2, lastLetterOn: '2025-03-01' }]])
    expect(levelsToRestore([second], asSet)).toEqual([{ membershipId: 'A', level: 1, lastLetterOn: '2025-02-01' }])
    expect(levelsToRestore([second], new Map([['A', { level: 4, lastLetterOn: '2025-03-10' }]]))).toEqual([])
    expect(levelsToRestore([second], new Map())).toEqual([])
  })

  it('deletes an unpaid fee and counter-posts a paid one', () => {
    expect(feeReversalOf({ postingId: 'p', settled: 0, usedByOtherRuns: false })).toBe('delete')
    expect(feeReversalOf({ postingId: 'p', settled: 150, usedByOtherRuns: false })).toBe('counter-post')
    expect(feeReversalOf({ postingId: 'p', settled: 0, usedByOtherRuns: true })).toBe('counter-post')
    expect(feeReversalOf({ postingId: null, settled: 0, usedByOtherRuns: false })).toBe('none')
  })
})

describe('property: reversal order is enforced for any sequence of runs', () => {
  const runs = fc.array(fc.subarray(['A', 'B', 'C', 'D']), { minLength: 1, maxLength: 6 })
  test.prop([runs, fc.array(fc.nat(), { maxLength: 20 })])(
    'a run can be reversed exactly when no later live run shares a member; levels come back',
    (members, picks) => {
      // Model: levels per member; each run moves each of its members one level up.
      const level = new Map<string, number | null>()
      let entries: DunningLetterEntry[] = []
      members.forEach((ms, r) => {
        for (const m of ms) {
          const from = level.get(m) ?? null
          entries.push({
            id: `${r}-${m}`,
            runId: `run-${r}`,
            membershipId: m,
            sequence: entries.length + 1,
            fromLevel: from,
            previousLetterOn: null,
            toLevel: (from ?? 0) + 1,
            letterOn: '2025-01-01',
            cancelled: false,
          })
          level.set(m, (from ?? 0) + 1)
        }
      })
      const live = new Set(members.map((_, r) => r))
      for (const pick of picks) {
        if (live.size === 0) break
        const r = [...live][pick % live.size]!
        const blocked = [...live].some((later) => later > r && members[later]!.some((m) => members[r]!.includes(m)))
        if (blocked) {
          expect(() => assertRunReversible(`run-${r}`, entries)).toThrow(expect.objectContaining({ code: 'DUNNING_REVERSAL_ORDER' }))
          continue
        }
        assertRunReversible(`run-${r}`, entries)
        for (const e of entries.filter((x) => x.runId === `run-${r}` && !x.cancelled)) {
          expect(level.get(e.membershipId)).toBe(e.toLevel)
          level.set(e.membershipId, e.fromLevel)
        }
        entries = entries.map((e) => (e.runId === `run-${r}` ? { ...e, cancelled: true } : e))
        live.delete(r)
      }
      // Levels equal what the live runs alone would give.
      for (const m of ['A', 'B', 'C', 'D']) {
        const count = [...live].filter((r) => members[r]!.includes(m)).length
        expect(level.get(m) ?? null).toBe(count === 0 ? null : count)
      }
    },
  )
})
