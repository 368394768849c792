import { VereinskitError } from '@vereinskit/core'
import type { OrganisationStorage } from '../storage/organisation-storage'
import { typedRun, type SummaryOf, type TypedRun } from './run-kind'

/** The organisation's run of that kind, optionally locked, or `RUN_NOT_FOUND`. */
export async function mustGetRun<K extends { readonly kind: string; readonly label: string }>(
  storage: OrganisationStorage,
  kind: K,
  runId: string,
  forUpdate = false,
): Promise<TypedRun<SummaryOf<K>>> {
  const run = await storage.runs.get(runId, kind.kind, { forUpdate })
  if (!run) throw new VereinskitError('RUN_NOT_FOUND', `${kind.label} ${runId} does not exist.`)
  return typedRun<SummaryOf<K>>(run)
}
