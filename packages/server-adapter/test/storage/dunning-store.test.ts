import { expect, it } from 'vitest'
import { dunningLevel, noDunning } from '@vereinskit/core/dunning'
import { describeStore } from './storage-contract'

const levels = [
  dunningLevel({ number: 1, first: true, days: 30, minimum: 500, text: 'Zahlungserinnerung', nextLevel: 2 }),
  dunningLevel({ number: 2, last: true, days: 14, minimum: 500, fee: 250, feeAccountId: 'acc', text: '1. Mahnung' }),
]

describeStore('dunning', (s) => {
  it('keeps levels, states, letters and events per organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const m = await s.member(club.store, 1000)
    const run = await club.store.runs.create({ kind: 'dunning', idempotencyKey: 'd1', asOf: '2025-05-16', parameters: {}, summary: {} })

    await club.store.dunning.replaceLevels(levels)
    expect(await club.store.dunning.levels()).toEqual(levels)
    expect(await other.store.dunning.levels()).toEqual([])
    await other.store.dunning.replaceLevels([])
    expect(await club.store.dunning.levels()).toHaveLength(2)

    expect(await club.store.dunning.state(m.id)).toEqual(noDunning)
    await club.store.dunning.setLevels([{ membershipId: m.id, level: 1, lastLetterOn: '2025-05-16' }])
    await club.store.dunning.updateState(m.id, { block: { until: '2025-06-30' }, courtProcedure: true })
    await club.store.dunning.updateState(m.id, {})
    expect(await club.store.dunning.state(m.id)).toEqual({
      level: 1,
      lastLetterOn: '2025-05-16',
      block: { until: '2025-06-30' },
      courtProcedure: true,
      noCourtOrder: false,
    })
    expect(await club.store.dunning.levelsInUse()).toEqual([1])
    // Another organisation neither sees nor changes the state.
    expect(await other.store.dunning.state(m.id)).toEqual(noDunning)
    expect(await other.store.dunning.states()).toEqual(new Map())
    const fresh = await s.member(club.store, 1001)
    await other.store.dunning.setLevels([
      { membershipId: m.id, level: 2, lastLetterOn: '2025-06-01' },
      { membershipId: fresh.id, level: 2, lastLetterOn: null },
    ])
    await other.store.dunning.updateState(m.id, { level: 2 })
    await other.store.dunning.updateState(fresh.id, { courtProcedure: true })
    expect((await club.store.dunning.state(m.id)).level).toBe(1)
    expect(await club.store.dunning.state(fresh.id)).toEqual(noDunning)
    expect(await other.store.dunning.levelsInUse()).toEqual([])
    expect(await other.store.dunning.clearExpiredBlocks('2025-07-01')).toEqual([])
    expect(await club.store.dunning.clearExpiredBlocks('2025-06-30')).toEqual([])
    expect(await club.store.dunning.clearExpiredBlocks('2025-07-01')).toEqual([m.id])
    expect((await club.store.dunning.state(m.id)).block).toBeNull()

    const letter = {
      runId: run.id,
      membershipId: m.id,
      fromLevel: null,
      previousLetterOn: null,
      toLevel: 1,
      letterOn: '2025-05-16',
      fee: 0,
      feePostingId: null,
      itemIds: [],
      channel: 'letter' as const,
      documentId: null,
    }
    await club.store.dunning.insertLetters([
      { ...letter, number: 1 },
      { ...letter, number: 2, fromLevel: 1, toLevel: 2 },
    ])
    expect(await club.store.dunning.lastLetterNumber()).toBe(2)
    expect(await other.store.dunning.lastLetterNumber()).toBe(0)
    const letters = await club.store.dunning.letters({ membershipId: m.id })
    expect(letters.map((l) => [l.number, l.toLevel, l.cancelled])).toEqual([
      [1, 1, false],
      [2, 2, false],
    ])
    expect(letters[1]!.sequence).toBeGreaterThan(letters[0]!.sequence)
    expect(await club.store.dunning.letters({ membersOfRun: run.id })).toHaveLength(2)
    expect(await other.store.dunning.letters({ runId: run.id })).toEqual([])
    expect(await club.store.dunning.letters({ runId: 'not-a-uuid' })).toEqual([])
    await other.store.dunning.cancelLetters([letters[1]!.id], new Date(), 'b')
    expect((await club.store.dunning.letters({ runId: run.id })).every((l) => !l.cancelled)).toBe(true)
    await club.store.dunning.cancelLetters([letters[1]!.id], new Date('2025-06-01T00:00:00Z'), 'staff')
    expect((await club.store.dunning.letters({ runId: run.id }))[1]).toMatchObject({ cancelled: true, cancelledBy: 'staff' })
    await expect(club.store.dunning.insertLetters([{ ...letter, number: 1 }])).rejects.toThrow()
    const otherRun = await other.store.runs.create({
      kind: 'dunning',
      idempotencyKey: 'd1',
      asOf: '2025-05-16',
      parameters: {},
      summary: {},
    })
    await expect(other.store.dunning.insertLetters([{ ...letter, runId: otherRun.id, number: 1 }])).rejects.toThrow()
    await expect(
      other.store.dunning.addEvents([{ membershipId: m.id, kind: 'block', on: '2025-05-01', detail: {}, actor: 'b' }]),
    ).rejects.toThrow()

    await club.store.dunning.addEvents([{ membershipId: m.id, kind: 'block', on: '2025-05-01', detail: { until: null }, actor: 'staff' }])
    expect(await club.store.dunning.events(m.id)).toEqual([
      expect.objectContaining({ kind: 'block', on: '2025-05-01', detail: { until: null } }),
    ])
    expect(await other.store.dunning.events(m.id)).toEqual([])
  })

  it('stores collection runs per organisation, one export each', async () => {
    const club = await s.club()
    const other = await s.club()
    const m = await s.member(club.store, 1000)
    const run = await club.store.runs.create({ kind: 'collection', idempotencyKey: 'c1', asOf: '2025-05-16', parameters: {}, summary: {} })
    const item = (debitId: string, open: number) => ({
      membershipId: m.id,
      membershipNumber: 1000,
      name: 'Erika Muster',
      address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' },
      debitId,
      date: '2025-01-01',
      text: 'Beitrag',
      open,
    })
    const ids = ['6f1c1a52-5a8e-4c55-9d3f-0d4b1b7e3a11', '6f1c1a52-5a8e-4c55-9d3f-0d4b1b7e3a12']
    await club.store.collections.insertItems(run.id, [item(ids[0]!, 9600), item(ids[1]!, 250)])
    expect((await club.store.collections.items(run.id)).map((i) => i.open)).toEqual([9600, 250])
    expect(await other.store.collections.items(run.id)).toEqual([])
    expect(await other.store.collections.removeItem(run.id, ids[0]!)).toBe(false)
    expect(await club.store.collections.removeItem(run.id, ids[0]!)).toBe(true)
    expect(await club.store.collections.removeItem(run.id, ids[0]!)).toBe(false)
    expect(await club.store.collections.exportedAt(run.id)).toBeNull()
    await club.store.collections.markExported(run.id, new Date('2025-06-01T00:00:00Z'), { setCourtProcedure: true, marker: 'INK' })
    expect(await club.store.collections.exportedAt(run.id)).toEqual(new Date('2025-06-01T00:00:00Z'))
    expect(await other.store.collections.exportedAt(run.id)).toBeNull()
    await expect(club.store.collections.markExported(run.id, new Date(), { setCourtProcedure: false, marker: null })).rejects.toThrow()
    await other.store.collections.removeAll(run.id)
    expect(await club.store.collections.items(run.id)).toHaveLength(1)
  })
})
