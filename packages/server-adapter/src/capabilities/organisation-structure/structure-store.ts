import type { AdministratorRecord, ModulePermissions, OrganisationNode, StructureKind } from '@vereinskit/core/organisations'
import type { UmbrellaLinkOptions } from '@vereinskit/core/sync'

/** An organisation's place in its structure and the options of the link to its parent. */
export interface StructureNodeRecord extends OrganisationNode {
  readonly name: string
  readonly structureKind: StructureKind | null
  readonly syncOptions: UmbrellaLinkOptions
  readonly paysOwnInvoice: boolean
}

/** An administrator with the name staff see. */
export interface NamedAdministrator extends AdministratorRecord {
  readonly name: string
}

/**
 * The organisation tree and the administrators. Unlike other stores this one reads beyond its own organisation —
 * a structure is the relation between organisations — but only along the tree: its parent, its children, and the
 * administrators of an organisation it switches into.
 */
export interface StructureStore {
  node(): Promise<StructureNodeRecord>
  nodeOf(organisationId: string): Promise<StructureNodeRecord | undefined>
  children(): Promise<StructureNodeRecord[]>
  /** Every organisation of the tree this one belongs to (for cycle checks). */
  treeNodes(): Promise<OrganisationNode[]>
  /** Creates an organisation below this one; it copies the time zone and number range of this one. */
  createChild(name: string): Promise<StructureNodeRecord>
  setParentOf(childId: string, parentId: string | null): Promise<void>
  setStructureKind(kind: StructureKind): Promise<void>
  setLinkOptions(childId: string, options: UmbrellaLinkOptions, paysOwnInvoice: boolean): Promise<void>
  /** The administrators of this organisation, or of another one (a child being switched into). */
  administrators(organisationId?: string): Promise<NamedAdministrator[]>
  getAdministrator(id: string): Promise<NamedAdministrator | undefined>
  addAdministrator(
    input: { loginEmail: string; name: string; permissions: ModulePermissions },
    organisationId?: string,
  ): Promise<NamedAdministrator>
  updateAdministrator(id: string, changes: { name?: string | undefined; permissions?: ModulePermissions | undefined }): Promise<boolean>
  /** Stores a new key (its hash) acting as an administrator of this organisation or of a child switched into. */
  issueKey(input: {
    organisationId: string
    keyHash: string
    label: string
    administratorId: string
    switchedFromKeyId?: string
    expiresAt?: Date
  }): Promise<void>
  /** Revokes a key of this organisation; answers the organisation of the key it was switched from. */
  endSwitchedKey(keyId: string, at: Date): Promise<string | null>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly structure: StructureStore
  }
}
