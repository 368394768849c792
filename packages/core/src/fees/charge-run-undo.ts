import { VereinskitError } from '../errors/vereinskit-error'

/** What has happened to a charge run's postings since it was applied. */
export interface ChargeRunDependants {
  /** An invoice, direct-debit or dunning run used one of its charges. */
  readonly usedByRun: boolean
  readonly reversals: number
  readonly writeOffs: number
  readonly manualAllocations: number
}

/**
 * A charge run can be undone only while nothing depends on its charges: no later run used them, and no reversal,
 * write-off or hand-made allocation refers to them — undoing must leave every account exactly as before the run.
 * @see docs/decisions/0007-undo-with-dependants.md
 */
export function assertChargeRunUndoable(runId: string, dependants: ChargeRunDependants): void {
  if (dependants.usedByRun) {
    throw new VereinskitError(
      'CHARGE_RUN_IN_USE',
      `Charge run ${runId} cannot be undone: an invoice, direct-debit or dunning run has used its charges.`,
    )
  }
  const reasons = [
    dependants.reversals > 0 && `${dependants.reversals} of its charges are reversed`,
    dependants.writeOffs > 0 && `${dependants.writeOffs} are written off`,
    dependants.manualAllocations > 0 && `${dependants.manualAllocations} allocations to its charges were made by hand`,
  ].filter(Boolean)
  if (reasons.length > 0) {
    throw new VereinskitError(
      'CHARGE_RUN_HAS_DEPENDANTS',
      `Charge run ${runId} cannot be undone: ${reasons.join(', ')}. Correct single charges by reversal instead.`,
    )
  }
}
