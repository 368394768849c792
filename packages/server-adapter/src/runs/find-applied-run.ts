import { VereinskitError } from '@vereinskit/core'
import { canonicalJson } from '@vereinskit/core/runs'
import type { OrganisationStorage } from '../storage/organisation-storage'
import type { RunRecord } from './run-store'

/**
 * The run already applied with this key, if any — the answer to a repeated apply. Keys are scoped by organisation
 * and kind; a key that comes again with other parameters (another date, other criteria) is refused, as payment
 * APIs refuse a reused idempotency key. Call with the organisation row locked.
 * @see docs/decisions/0008-idempotency-keys.md
 */
export async function findAppliedRun(
  tx: OrganisationStorage,
  kind: string,
  idempotencyKey: string,
  parameters: unknown,
): Promise<RunRecord | undefined> {
  const existing = await tx.runs.findByKey(kind, idempotencyKey)
  if (existing && canonicalJson(existing.parameters) !== canonicalJson(parameters)) {
    throw new VereinskitError(
      'IDEMPOTENCY_KEY_REUSED',
      `The key ${idempotencyKey} was applied on ${existing.createdAt} with other parameters (${canonicalJson(existing.parameters)}); preview again for a key of its own.`,
    )
  }
  return existing
}
