import * as z from 'zod'
import { UmbrellaLinkOptions } from '../sync/umbrella-link'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

export const MemberSyncView = z.object({
  childId: IdSchema,
  childName: z.string(),
  childMembershipId: IdSchema,
})

/** A synced member as the child sees it: what is locked, and what the link's options show of the parent's data. */
export const SyncedMemberView = z.object({
  membershipId: IdSchema,
  parent: z.object({ id: IdSchema, name: z.string(), membershipId: IdSchema }),
  options: UmbrellaLinkOptions,
  lockedFields: z.object({ person: z.array(z.string()), membership: z.array(z.string()), mandate: z.array(z.string()) }),
  /** O1: the parent's notes on the member; null when the option is off. */
  notes: z.string().nullable(),
  /** O2: the member's invoices in the parent with their paid status; null when the option is off. */
  invoices: z
    .array(z.object({ number: z.string(), date: CalendarDateSchema, amount: z.number().int(), open: z.number().int(), paid: z.boolean() }))
    .nullable(),
  /** O4: the member's history in the parent; null when the option is off. */
  events: z
    .array(z.object({ at: TimestampSchema, field: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .nullable(),
  /** O6: the member's group in the parent (its fee-class group); null when the option is off. */
  groups: z.array(z.string()).nullable(),
})

export const SyncImportRequest = z.strictObject({
  /** CSV: login (e-mail or membership number) and division (name or id), `;` or `,` separated, one row per pair. */
  content: z.string().min(1).max(8_000_000),
  /** Apply the valid rows and report the others; without it, any invalid row means nothing is applied. */
  skipInvalidRows: z.boolean().default(false),
})

export const SyncImportReport = z.object({
  applied: z.array(z.object({ line: z.number().int(), login: z.string(), division: z.string(), childMembershipId: IdSchema })),
  alreadySynced: z.array(z.object({ line: z.number().int(), login: z.string(), division: z.string() })),
  issues: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
})

const member = '/organisations/:organisationId/memberships/:membershipId/syncs'

/** Umbrella sync of members from a parent into its children (UMB-09, UMB-10). */
export const memberSyncRoutes = {
  sync: defineRoute({
    method: 'POST',
    path: member,
    access: 'staff',
    status: 201,
    summary: 'Sync a member into a child organisation: from now on it is a member there, with the locked fields.',
    body: z.strictObject({ childId: IdSchema }),
    response: MemberSyncView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'ORGANISATION_NOT_CHILD', 'MEMBER_ALREADY_SYNCED', 'MEMBERSHIP_NUMBER_TAKEN'],
  }),
  list: defineRoute({
    method: 'GET',
    path: member,
    access: 'staff',
    summary: 'The children a member is synced into.',
    response: z.object({ items: z.array(MemberSyncView) }),
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${member}/:childId`,
    access: 'staff',
    summary: 'Stop syncing a member into a child: the child keeps it as its own, unlocked record.',
    response: z.object({ childMembershipId: IdSchema }),
    errors: ['MEMBERSHIP_NOT_FOUND', 'MEMBER_SYNC_NOT_FOUND'],
  }),
  syncedMember: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/synced-members/:membershipId',
    access: 'staff',
    summary: "A synced member in the child: its locks and the parent's data the link's options show.",
    response: SyncedMemberView,
    errors: ['MEMBER_SYNC_NOT_FOUND'],
  }),
  importSyncs: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/sync-imports',
    access: 'staff',
    summary: 'Sync many members by CSV: one row per member and division; rows are reported one by one.',
    body: SyncImportRequest,
    response: SyncImportReport,
    maxBodyBytes: 8_500_000,
    errors: ['SYNC_IMPORT_INVALID'],
  }),
}
