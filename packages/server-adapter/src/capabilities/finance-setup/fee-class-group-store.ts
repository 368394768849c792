/** A fee-class group as stored. */
export interface FeeClassGroupRecord {
  readonly id: string
  readonly organisationId: string
  readonly name: string
  readonly description: string | null
  readonly offeredOnline: boolean
  readonly isDefault: boolean
}

/** Fee-class groups of an organisation. */
export interface FeeClassGroupStore {
  create(input: Omit<FeeClassGroupRecord, 'id' | 'organisationId'>): Promise<FeeClassGroupRecord>
  list(): Promise<FeeClassGroupRecord[]>
  update(id: string, changes: Partial<Omit<FeeClassGroupRecord, 'id' | 'organisationId'>>): Promise<boolean>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly feeClassGroups: FeeClassGroupStore
  }
}
