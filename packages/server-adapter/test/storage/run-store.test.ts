import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'

describeStore('run', (s) => {
  const run = (kind: string, idempotencyKey: string) => ({
    kind,
    idempotencyKey,
    asOf: '2026-01-15',
    parameters: { asOf: '2026-01-15' },
    summary: { total: 1 },
  })

  it('finds runs by key within their organisation and kind only', async () => {
    const club = await s.club()
    const other = await s.club()
    const charge = await club.store.runs.create(run('charge', 'key-1'))
    expect(await club.store.runs.findByKey('charge', 'key-1')).toEqual(charge)
    expect(await club.store.runs.findByKey('invoice', 'key-1')).toBeUndefined()
    expect(await other.store.runs.findByKey('charge', 'key-1')).toBeUndefined()
    expect(await other.store.runs.create(run('charge', 'key-1'))).toMatchObject({ idempotencyKey: 'key-1' })
    expect(await club.store.runs.create(run('invoice', 'key-1'))).toMatchObject({ kind: 'invoice' })
    await expect(club.store.runs.create(run('charge', 'key-1'))).rejects.toThrow()
    expect(charge).toMatchObject({ parameters: { asOf: '2026-01-15' }, summary: { total: 1 }, reversedAt: null })
  })

  it('reads and lists runs of one kind, newest first, and not another organisation’s', async () => {
    const club = await s.club()
    const other = await s.club()
    const first = await club.store.runs.create(run('charge', 'a'))
    const second = await club.store.runs.create(run('charge', 'b'))
    await club.store.runs.create(run('write-off', 'c'))
    expect((await club.store.runs.list('charge')).map((r) => r.id).sort()).toEqual([first.id, second.id].sort())
    expect(await club.store.runs.get(first.id, 'invoice')).toBeUndefined()
    expect(await other.store.runs.get(first.id, 'charge')).toBeUndefined()
    expect(await club.store.runs.get('nonsense', 'charge')).toBeUndefined()
    expect(await club.store.transaction((tx) => tx.runs.get(first.id, 'charge', { forUpdate: true }))).toEqual(first)
  })

  it('marks a run reversed and frees its key for the same plan again', async () => {
    const club = await s.club()
    const applied = await club.store.runs.create({ ...run('charge', 'again'), createdBy: 'api-key:1' })
    expect(applied.createdBy).toBe('api-key:1')
    const reversed = await club.store.runs.markReversed(applied.id, new Date('2026-03-01T10:00:00Z'), 'api-key:2')
    expect(reversed).toMatchObject({ createdBy: 'api-key:1', reversedBy: 'api-key:2' })
    expect(reversed.reversedAt).not.toBeNull()
    expect(await club.store.runs.findByKey('charge', 'again')).toBeUndefined()
    expect(await club.store.runs.create(run('charge', 'again'))).toMatchObject({ reversedAt: null })
  })
})
