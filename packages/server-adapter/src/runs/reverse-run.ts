import { VereinskitError } from '@vereinskit/core'
import type { OrganisationStorage } from '../storage/organisation-storage'
import { mustGetRun } from './run-lookup'
import { typedRun, type RunContext, type RunKind, type TypedRun } from './run-kind'

/**
 * Takes an applied run back in one transaction: the run is locked, a run already taken back is refused
 * (`RUN_ALREADY_REVERSED`), the kind's own step runs (delete its charges, cancel its invoices), its usage records
 * go, and the run is marked reversed — which frees its key, so the same plan can be applied again.
 * @see docs/decisions/0005-run-keys-and-reversal.md
 */
export function reverseRun<Kind extends string, Request, Plan, Summary>(
  storage: OrganisationStorage,
  kind: RunKind<Kind, Request, Plan, Summary>,
  runId: string,
  context: RunContext,
): Promise<TypedRun<Summary>> {
  const reverse = kind.reverse
  if (!reverse) throw new Error(`Run kind ${kind.kind} has no reverse step; no route may offer taking it back.`)
  return storage.transaction(async (tx) => {
    const run = typedRun<Summary>(await mustGetRun(tx, kind, runId, true))
    if (run.reversedAt) throw new VereinskitError('RUN_ALREADY_REVERSED', `${kind.label} ${run.id} was taken back on ${run.reversedAt}.`)
    await reverse(tx, run, context)
    await tx.ledger.removeUsesOfRun(run.id)
    return typedRun<Summary>(await tx.runs.markReversed(run.id, context.clock.now(), context.actor))
  })
}
