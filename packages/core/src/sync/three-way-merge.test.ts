import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges } from './change-set'
import { uniformPolicy, type MergePolicy } from './conflict-policy'
import { mergeRecords, resolveConflict } from './three-way-merge'
import { fieldsOf, sameRecord, sameValue, type SyncRecord } from './sync-record'

const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.boolean())
const syncRecord: fc.Arbitrary<SyncRecord> = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), value, { maxKeys: 6 })

const localOwns = uniformPolicy({ policy: 'owner-wins', owner: 'local' })

describe('three-way merge', () => {
  it('takes a change made on one side only, and settles equal changes on both', () => {
    const result = mergeRecords({
      base: { street: 'Alt 1', city: 'Köln', email: 'a@x.de' },
      local: { street: 'Neu 2', city: 'Köln', email: 'b@x.de' },
      remote: { street: 'Alt 1', city: 'Bonn', email: 'b@x.de' },
      policy: localOwns,
    })
    expect(result.merged).toEqual({ street: 'Neu 2', city: 'Bonn', email: 'b@x.de' })
    expect(result.toLocal).toEqual([{ field: 'city', from: 'Köln', to: 'Bonn' }])
    expect(result.toRemote).toEqual([{ field: 'street', from: 'Alt 1', to: 'Neu 2' }])
    expect(result.conflicts).toEqual([])
  })

  it('owner wins: both changed the same field, the owner’s value is kept and the conflict reported', () => {
    const result = mergeRecords({ base: { a: 1 }, local: { a: 2 }, remote: { a: 3 }, policy: uniformPolicy({ owner: 'remote' }) })
    expect(result.merged).toEqual({ a: 3 })
    expect(result.conflicts).toEqual([{ field: 'a', base: 1, local: 2, remote: 3, resolution: 'remote' }])
  })

  it('newest wins by the per-field time, falling back to the owner on a tie', () => {
    const policy = uniformPolicy({ policy: 'newest-wins', owner: 'local' })
    const input = { base: { a: 1 }, local: { a: 2 }, remote: { a: 3 }, policy }
    const newerRemote = mergeRecords({
      ...input,
      localTimes: { recordChangedAt: '2026-01-01T10:00:00Z' },
      remoteTimes: { fieldChangedAt: { a: '2026-01-01T10:05:00Z' } },
    })
    expect(newerRemote.merged).toEqual({ a: 3 })
    const tie = mergeRecords({
      ...input,
      localTimes: { recordChangedAt: '2026-01-01T10:00:00Z' },
      remoteTimes: { recordChangedAt: '2026-01-01T10:00:00Z' },
    })
    expect(tie.merged).toEqual({ a: 2 })
  })

  it('manual: a conflict changes neither side, and stays a conflict in the next merge until it is decided', () => {
    const policy = uniformPolicy({ policy: 'manual' })
    const first = mergeRecords({ base: { a: 1, b: 1 }, local: { a: 2, b: 1 }, remote: { a: 3, b: 5 }, policy })
    expect(first.conflicts).toEqual([{ field: 'a', base: 1, local: 2, remote: 3, resolution: 'pending' }])
    expect(first.toLocal).toEqual([{ field: 'b', from: 1, to: 5 }])
    expect(first.toRemote).toEqual([])
    expect(first.nextBase).toEqual({ a: 1, b: 5 })
    const again = mergeRecords({ base: first.nextBase, local: { a: 2, b: 5 }, remote: { a: 3, b: 5 }, policy })
    expect(again.conflicts.map((c) => c.field)).toEqual(['a'])
    const decided = resolveConflict(again.conflicts[0]!, 'remote')
    expect(decided.toLocal).toEqual([{ field: 'a', from: 2, to: 3 }])
    expect(decided.toRemote).toEqual([])
  })

  it('field ownership: a change by the side that does not own the field is refused and undone', () => {
    const policy: MergePolicy = { ...localOwns, fields: { iban: { policy: 'owner-wins', owner: 'remote', flow: 'owner-only' } } }
    const result = mergeRecords({
      base: { iban: 'DE1', city: 'A' },
      local: { iban: 'DE2', city: 'A' },
      remote: { iban: 'DE1', city: 'A' },
      policy,
    })
    expect(result.refused).toEqual([{ field: 'iban', side: 'local', value: 'DE2' }])
    expect(result.toLocal).toEqual([{ field: 'iban', from: 'DE2', to: 'DE1' }])
    expect(result.merged).toEqual({ iban: 'DE1', city: 'A' })
  })

  // Two sides that each changed their own fields since the base.
  const nonConflicting = fc
    .tuple(syncRecord, syncRecord, syncRecord, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
    .map(([base, a, b, pick]) => {
      const local: Record<string, SyncRecord[string]> = { ...base }
      const remote: Record<string, SyncRecord[string]> = { ...base }
      fieldsOf(base, a, b).forEach((field, i) => {
        if (pick[i % pick.length]) local[field] = a[field] ?? null
        else remote[field] = b[field] ?? null
      })
      return { base, local, remote }
    })

  it('property: merging non-conflicting changes is order-independent', () => {
    fc.assert(
      fc.property(nonConflicting, ({ base, local, remote }) => {
        const one = mergeRecords({ base, local, remote, policy: localOwns })
        const other = mergeRecords({ base, local: remote, remote: local, policy: localOwns })
        return one.conflicts.length === 0 && sameRecord(one.merged, other.merged)
      }),
    )
  })

  it('property: no accepted change is ever lost, and both sides end equal', () => {
    fc.assert(
      fc.property(
        syncRecord,
        syncRecord,
        syncRecord,
        fc.constantFrom<'local' | 'remote'>('local', 'remote'),
        (base, local, remote, owner) => {
          const result = mergeRecords({ base, local, remote, policy: uniformPolicy({ owner }) })
          const conflicted = new Set(result.conflicts.map((c) => c.field))
          for (const field of fieldsOf(base, local, remote)) {
            const localChanged = !sameValue(base[field], local[field])
            const remoteChanged = !sameValue(base[field], remote[field])
            if (localChanged && !conflicted.has(field) && !sameValue(result.merged[field], local[field])) return false
            if (remoteChanged && !conflicted.has(field) && !sameValue(result.merged[field], remote[field])) return false
          }
          for (const c of result.conflicts)
            if (!sameValue(result.merged[c.field], c.resolution === 'local' ? c.local : c.remote)) return false
          return (
            sameRecord(applyChanges(local, result.toLocal), result.merged) &&
            sameRecord(applyChanges(remote, result.toRemote), result.merged)
          )
        },
      ),
    )
  })

  it('property: merging again after applying the result changes nothing', () => {
    fc.assert(
      fc.property(syncRecord, syncRecord, syncRecord, (base, local, remote) => {
        const result = mergeRecords({ base, local, remote, policy: localOwns })
        const again = mergeRecords({ base: result.nextBase, local: result.merged, remote: result.merged, policy: localOwns })
        return again.toLocal.length === 0 && again.toRemote.length === 0 && again.conflicts.length === 0
      }),
    )
  })
})
