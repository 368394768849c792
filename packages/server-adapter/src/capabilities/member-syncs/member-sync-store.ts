import type { UmbrellaLinkOptions } from '@vereinskit/core/sync'

/** A member's copy in a child organisation. */
export interface MemberCopyRecord {
  readonly childId: string
  readonly childName: string
  readonly childMembershipId: string
}

/** What a child knows of the parent's record its copy mirrors. */
export interface CopySourceRecord {
  readonly parentId: string
  readonly parentName: string
  readonly parentMembershipId: string
  readonly options: UmbrellaLinkOptions
}

/** The parent's data a link's options may show in the child (O1, O2, O4, O6). */
export interface ParentMemberData {
  readonly notes: string | null
  readonly invoices: { number: string; date: string; amount: number; open: number; paid: boolean }[]
  readonly events: { at: Date; field: string; before: string | null; after: string | null }[]
  readonly groups: string[]
}

/**
 * Umbrella sync of members: copies of a parent's memberships in its children. The copies and their mandates are
 * kept in step by the database (docs/decisions/0023#umbrella); this store makes and releases them.
 */
export interface MemberSyncStore {
  /** Copies one of this organisation's memberships into a child, with its mandates; answers the copy's id. */
  copyInto(membershipId: string, childId: string): Promise<string>
  copiesOf(membershipId: string): Promise<MemberCopyRecord[]>
  /** Ends the sync of one copy: the child keeps it as its own record. Answers the copy's id. */
  release(membershipId: string, childId: string): Promise<string | undefined>
  /** Releases every copy a child holds of this organisation's members (the child leaves the structure). */
  releaseAllCopiesIn(childId: string): Promise<number>
  /** When a membership of this organisation is a synced copy: its source and the link's options. */
  sourceOf(membershipId: string): Promise<CopySourceRecord | undefined>
  /** The options of the link when this organisation holds a synced copy of a membership of the person. */
  personLink(personId: string): Promise<UmbrellaLinkOptions | undefined>
  /** Whether the child uses this membership's number for another member already (a copy would clash). */
  numberTakenIn(childId: string, membershipId: string): Promise<boolean>
  /** Memberships of this organisation whose person has this e-mail, or whose number is this text. */
  membershipsByLogin(login: string): Promise<string[]>
  parentData(source: CopySourceRecord, asOf: string): Promise<ParentMemberData>
  /**
   * O7: a member created in this (child) organisation is created in the parent too, and this one becomes the synced
   * copy of it. Answers the parent's membership id, or undefined when the link does not ask for it.
   */
  promoteToParent(membershipId: string): Promise<string | undefined>
  /** O8: the organisations that share one membership-number range with this one (the whole structure), if any. */
  sharedNumberScope(): Promise<{ rootId: string; organisationIds: string[] } | undefined>
  lowestFreeNumberIn(organisationIds: readonly string[], from: number): Promise<number>
  /** Locks an organisation row of the structure (the root, to number members one at a time). */
  lockOrganisation(id: string): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly memberSyncs: MemberSyncStore
  }
}
