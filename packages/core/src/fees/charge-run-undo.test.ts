import { describe, expect, it } from 'vitest'
import { assertChargeRunUndoable } from './charge-run-undo'

describe('undoing a charge run (0007)', () => {
  const none = { usedByRun: false, reversals: 0, writeOffs: 0, manualAllocations: 0 }
  it('is allowed while nothing depends on its charges', () => {
    expect(() => assertChargeRunUndoable('r', none)).not.toThrow()
  })
  it('is refused once a later run used them, or a reversal, write-off or hand-made allocation refers to them', () => {
    expect(() => assertChargeRunUndoable('r', { ...none, usedByRun: true })).toThrowError(
      expect.objectContaining({ code: 'CHARGE_RUN_IN_USE' }),
    )
    for (const [field, words] of [
      ['reversals', 'reversed'],
      ['writeOffs', 'written off'],
      ['manualAllocations', 'by hand'],
    ] as const) {
      expect(() => assertChargeRunUndoable('r', { ...none, [field]: 2 })).toThrowError(
        expect.objectContaining({ code: 'CHARGE_RUN_HAS_DEPENDANTS', message: expect.stringContaining(words) }),
      )
    }
  })
})
