/** A person's link to an external customer. */
export interface CustomerLinkRecord {
  readonly personId: string
  readonly externalId: string
  readonly kind: 'copy' | 'reference' | 'local'
  readonly reviewReason: string | null
  readonly reviewedAt: Date | null
}

/** The CRM connection and the links of one organisation's persons to its customers. */
export interface CustomerReferenceStore {
  getConnection(): Promise<{ baseUrl: string; credentials: string } | undefined>
  saveConnection(baseUrl: string, credentials: string): Promise<void>
  links(kind?: CustomerLinkRecord['kind']): Promise<CustomerLinkRecord[]>
  linkOf(personId: string): Promise<CustomerLinkRecord | undefined>
  referenceTo(externalId: string): Promise<CustomerLinkRecord | undefined>
  addLink(personId: string, externalId: string, kind: CustomerLinkRecord['kind']): Promise<void>
  setKind(personId: string, kind: CustomerLinkRecord['kind'], reviewReason?: string | null): Promise<void>
  markReviewed(personId: string, at: Date): Promise<boolean>
  /** Locks the links and persons of every copy, so nobody edits them while a conversion runs. */
  lockCopies(): Promise<void>
  /**
   * Points every row that names `fromPersonId` (appointments, memberships, registrations, …) at `toPersonId` and
   * removes `fromPersonId`'s link; found from the database's own foreign keys, so a new table is covered too.
   */
  repointPerson(fromPersonId: string, toPersonId: string): Promise<void>
  /** Whether other organisations know the person (a copy of it cannot be erased by this one). */
  knownElsewhere(personId: string): Promise<boolean>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly customerReferences: CustomerReferenceStore
  }
}
