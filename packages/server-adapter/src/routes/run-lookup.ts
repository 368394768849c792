import { VereinskitError } from '@vereinskit/core'
import type { RunRecord, Storage } from '../storage/storage'

const names = { charge: 'Charge run', invoice: 'Invoice run', 'write-off': 'Write-off' } as const

/** The organisation's run of that kind, optionally locked, or `RUN_NOT_FOUND`. */
export async function mustGetRun(storage: Storage, organisationId: string, kind: RunRecord['kind'], runId: string, forUpdate = false) {
  const run = await storage.runs.get(organisationId, runId, kind, { forUpdate })
  if (!run) throw new VereinskitError('RUN_NOT_FOUND', `${names[kind]} ${runId} does not exist.`)
  return run
}
