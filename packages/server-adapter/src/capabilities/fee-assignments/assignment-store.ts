import type { FeeAssignment } from '@vereinskit/core/fees'

/** Fee-class assignments. */
export interface AssignmentStore {
  listForMembership(membershipId: string): Promise<FeeAssignment[]>
  listAll(): Promise<FeeAssignment[]>
  getForUpdate(id: string): Promise<FeeAssignment | undefined>
  create(input: Omit<FeeAssignment, 'id'>): Promise<FeeAssignment>
  update(id: string, changes: Partial<Pick<FeeAssignment, 'validFrom' | 'validUntil' | 'paymentPlanId'>>): Promise<FeeAssignment>
  remove(id: string): Promise<void>
  countCharges(id: string): Promise<number>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly assignments: AssignmentStore
  }
}
