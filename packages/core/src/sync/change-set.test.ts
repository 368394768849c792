import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChangeSet, applyChanges, changeSetOf, diffRecords } from './change-set'
import { normalRecord, sameRecord, type SyncRecord } from './sync-record'

const fieldNames = ['a', 'b', 'c', 'd', 'e', 'f']
const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.integer({ min: -3, max: 3 }), fc.boolean())
const syncRecord: fc.Arbitrary<SyncRecord> = fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 6 })

describe('field diff and change sets', () => {
  it('lists exactly the fields whose values differ, absent and null being the same', () => {
    expect(diffRecords({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', d: true })).toEqual([
      { field: 'b', from: 'x', to: 'y' },
      { field: 'd', from: null, to: true },
    ])
    expect(diffRecords({ a: null }, {})).toEqual([])
  })

  it('property: applying diff(A, B) to A gives B', () => {
    fc.assert(fc.property(syncRecord, syncRecord, (a, b) => sameRecord(applyChanges(a, diffRecords(a, b)), b)))
  })

  it('property: applying a change set twice equals applying it once', () => {
    fc.assert(
      fc.property(syncRecord, syncRecord, syncRecord, (a, b, other) => {
        const set = changeSetOf('r1', a, b)
        if (!set) return sameRecord(a, b)
        const once = applyChangeSet(other, set)!
        return sameRecord(applyChangeSet(once, set)!, once)
      }),
    )
  })

  it('a tombstone removes the record, and an update to a removed record does nothing', () => {
    expect(applyChangeSet({ a: 1 }, { kind: 'delete', recordId: 'r1' })).toBeUndefined()
    expect(applyChangeSet(undefined, { kind: 'update', recordId: 'r1', changes: [{ field: 'a', from: 1, to: 2 }] })).toBeUndefined()
  })

  it('a create applied again over an existing record leaves the created values', () => {
    const created = applyChangeSet({ a: 9, z: 1 }, { kind: 'create', recordId: 'r1', record: { a: 1 } })
    expect(normalRecord(created!)).toEqual({ a: 1 })
  })

  it('no change set between equal records', () => {
    expect(changeSetOf('r1', { a: 1 }, { a: 1, b: null })).toBeUndefined()
  })
})
