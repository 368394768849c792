import * as z from 'zod'
import { VereinskitError } from '../errors/vereinskit-error'
import type { MappingProfile } from './field-mapping'

/**
 * A region of the national member database (Diözesanverband, MIDA-00a): whether the link is offered there, and
 * whether contributions are collected centrally, which keeps bank and mandate data out of the sync (MIDA-17).
 * Regions are configuration, so a new one needs no code change (MIDA-19).
 */
export const MemberDatabaseRegion = z.strictObject({
  name: z.string().trim().min(1).max(100),
  centralCollection: z.boolean().default(false),
})
export type MemberDatabaseRegion = z.infer<typeof MemberDatabaseRegion>

/** The regions supported when the link was built (S0 L32). */
export const defaultMemberDatabaseRegions: readonly MemberDatabaseRegion[] = [
  'DV Bamberg',
  'DV Köln',
  'DV Freiburg',
  'DV Mainz',
  'DV Essen',
  'DV Münster',
  'DV Würzburg',
].map((name) => ({ name, centralCollection: false }))

/** What the remote side says the credentials may do. */
export type CredentialRights = 'admin' | 'write' | 'read'

/**
 * The prerequisites of a link (MIDA-18, MIDA-19): a supported region, and credentials with admin or write rights.
 * Returns the region's mapping profile.
 */
export function checkLinkPrerequisites(region: string, rights: CredentialRights, regions: readonly MemberDatabaseRegion[]): MappingProfile {
  const found = regions.find((r) => r.name === region)
  if (!found) throw new VereinskitError('MEMBER_DATABASE_REGION_NOT_SUPPORTED', `${region} is not supported for the member database link.`)
  if (rights === 'read') {
    throw new VereinskitError(
      'MEMBER_DATABASE_RIGHTS_INSUFFICIENT',
      'The member database credentials are read-only; admin or write rights are needed.',
    )
  }
  return profileOf(found)
}

/** The fields a region switches off: bank and mandate data where contributions are collected centrally. */
export function profileOf(region: MemberDatabaseRegion): MappingProfile {
  return { excludedGroups: region.centralCollection ? ['bank', 'mandate'] : [] }
}

/** A member's sync status as staff see it (MIDA-09). */
export const MemberSyncStatus = z.enum(['pending', 'transferred', 'failed', 'local-only'])
export type MemberSyncStatus = z.infer<typeof MemberSyncStatus>

/**
 * A member's status from its link state (MIDA-09): local only; failed while changes wait after a failed attempt;
 * pending while changes wait or it was never transferred; else transferred.
 */
export function memberSyncStatusOf(state: {
  readonly mode: 'synced' | 'local-only'
  readonly pendingChanges: number
  readonly failureReason: string | null
  readonly remoteId: string | null
}): MemberSyncStatus {
  if (state.mode === 'local-only') return 'local-only'
  if (state.pendingChanges > 0 && state.failureReason) return 'failed'
  if (state.pendingChanges > 0 || !state.remoteId) return 'pending'
  return 'transferred'
}

/**
 * The wait before the next attempt of a failed push: 5 s doubled per attempt up to 10 minutes, with the jitter
 * supplied by the caller (0–1) spreading retries of many instances. Pure so tests can state it.
 */
export function retryDelaySeconds(attempt: number, jitter = 0): number {
  const base = Math.min(600, 5 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base * (1 + 0.25 * Math.min(1, Math.max(0, jitter))))
}

/** The push SLA: an outbound change is sent within this many seconds of its commit (docs/decisions/0023#push). */
export const defaultPushSlaSeconds = 5

/** The pull interval: every 10 minutes by default, never longer (MIDA-03). */
export const defaultPullIntervalMinutes = 10
