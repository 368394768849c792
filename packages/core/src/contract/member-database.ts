import * as z from 'zod'
import { MemberSyncStatus } from '../sync/member-database-link'
import { IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

/**
 * Linking to a national member database (Mitgliederdatenbank): its address, region and credentials. Credentials are
 * checked (write rights) before anything is stored, stored encrypted and never returned.
 */
export const MemberDatabaseLinkInput = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
  region: z.string().trim().min(1).max(100),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
  /** Minutes between pulls; at most 10, so a remote change shows within ten minutes (MIDA-03). */
  pullIntervalMinutes: z.number().int().min(1).max(10).default(10),
  conflictPolicy: z.enum(['newest-wins', 'owner-wins', 'manual']).default('newest-wins'),
})

export const MemberDatabaseLinkView = z.object({
  baseUrl: z.string(),
  region: z.string(),
  /** Bank and mandate data stay local in a region that collects contributions centrally. */
  centralCollection: z.boolean(),
  pullIntervalMinutes: z.number().int(),
  conflictPolicy: z.enum(['newest-wins', 'owner-wins', 'manual']),
  lastPullAt: TimestampSchema.nullable(),
  /** Always true when a link exists: the credentials are stored, never shown. */
  credentialsStored: z.literal(true),
})

/** A member's sync status (MIDA-09) as staff see it in the member's detail view. */
export const MemberSyncStatusView = z.object({
  membershipId: IdSchema,
  status: MemberSyncStatus,
  remoteId: z.string().nullable(),
  failureReason: z.string().nullable(),
  transferredAt: TimestampSchema.nullable(),
  pendingChanges: z.number().int(),
})

export const SyncValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

/** A field changed on both sides, waiting for a decision. */
export const SyncConflictView = z.object({
  id: IdSchema,
  membershipId: IdSchema,
  field: z.string(),
  baseValue: SyncValueSchema,
  localValue: SyncValueSchema,
  remoteValue: SyncValueSchema,
  createdAt: TimestampSchema,
})

export const PullReportView = z.object({
  /** False when a pull was running already (on another instance). */
  ran: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  conflicts: z.number().int(),
  unchanged: z.number().int(),
  /** Records that could not be taken over; the reason is on the member's status when it is linked. */
  failed: z.number().int(),
})

const path = '/organisations/:organisationId/member-database'
const member = `${path}/members/:membershipId`

/** The link to an external member database: setup, per-member status and mode, pulls, pushes and conflicts. */
export const memberDatabaseRoutes = {
  link: defineRoute({
    method: 'PUT',
    path,
    access: 'staff',
    summary: 'Link to the member database (or change the link); the credentials must have write rights.',
    body: MemberDatabaseLinkInput,
    response: MemberDatabaseLinkView,
    errors: [
      'MEMBER_DATABASE_REGION_NOT_SUPPORTED',
      'MEMBER_DATABASE_RIGHTS_INSUFFICIENT',
      'MEMBER_DATABASE_CREDENTIALS_INVALID',
      'MEMBER_DATABASE_UNAVAILABLE',
      'CONNECTOR_NOT_CONFIGURED',
    ],
  }),
  getLink: defineRoute({
    method: 'GET',
    path,
    access: 'staff',
    summary: 'The link, without its credentials.',
    response: MemberDatabaseLinkView,
    errors: ['MEMBER_DATABASE_NOT_LINKED'],
  }),
  memberStatus: defineRoute({
    method: 'GET',
    path: member,
    access: 'staff',
    summary: "A member's sync status: pending, transferred, failed (with the reason) or local only.",
    response: MemberSyncStatusView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBER_DATABASE_NOT_LINKED'],
  }),
  setMode: defineRoute({
    method: 'PUT',
    path: `${member}/mode`,
    access: 'staff',
    summary: 'Keep a member only here (never sent, never deleted by a pull), or sync it again.',
    body: z.strictObject({ mode: z.enum(['synced', 'local-only']) }),
    response: MemberSyncStatusView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBER_DATABASE_NOT_LINKED'],
  }),
  removeMember: defineRoute({
    method: 'POST',
    path: `${member}/removal`,
    access: 'staff',
    summary: 'Delete a member: off the member list here (archived, bookings kept) and deleted in the member database.',
    response: MemberSyncStatusView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBER_DATABASE_NOT_LINKED', 'MEMBERSHIP_ARCHIVED'],
  }),
  pull: defineRoute({
    method: 'POST',
    path: `${path}/pull`,
    access: 'staff',
    summary: 'Pull the remote changes now (the schedule does it every interval); `full` also finds deletions by listing ids.',
    body: z.strictObject({ full: z.boolean().default(false) }),
    response: PullReportView,
    errors: ['MEMBER_DATABASE_NOT_LINKED', 'MEMBER_DATABASE_UNAVAILABLE', 'CONNECTOR_NOT_CONFIGURED'],
  }),
  push: defineRoute({
    method: 'POST',
    path: `${path}/push`,
    access: 'staff',
    summary: 'Send what the outbox holds now, retries included (the dispatcher does it within seconds anyway).',
    response: z.object({ settled: z.number().int() }),
    errors: ['MEMBER_DATABASE_NOT_LINKED', 'CONNECTOR_NOT_CONFIGURED'],
  }),
  conflicts: defineRoute({
    method: 'GET',
    path: `${path}/conflicts`,
    access: 'staff',
    summary: 'Fields both sides changed, waiting for a decision (conflict policy manual).',
    response: z.object({ items: z.array(SyncConflictView) }),
    errors: ['MEMBER_DATABASE_NOT_LINKED'],
  }),
  decideConflict: defineRoute({
    method: 'POST',
    path: `${path}/conflicts/:conflictId/decision`,
    access: 'staff',
    summary: 'Decide a conflict: keep our value (it is sent) or take the remote one.',
    body: z.strictObject({ keep: z.enum(['local', 'remote']) }),
    response: SyncConflictView,
    errors: ['SYNC_CONFLICT_NOT_FOUND', 'MEMBER_DATABASE_NOT_LINKED'],
  }),
}
