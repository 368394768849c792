import type { CalendarDate } from '@vereinskit/core'
import type { OrganisationStorage } from '../../storage/organisation-storage'

/**
 * Gives a new membership the classes (and amounts) of its fee-class group from the joining day (handbook §11.7.21):
 * what application acceptance and member capture both do.
 */
export async function assignGroupClasses(
  tx: OrganisationStorage,
  membershipId: string,
  items: readonly { feeClassId: string; amount: number | null }[],
  joinedOn: CalendarDate,
): Promise<void> {
  for (const item of items) {
    await tx.assignments.create({
      membershipId,
      feeClassId: item.feeClassId,
      validFrom: joinedOn,
      validUntil: null,
      paymentPlanId: null,
      amount: item.amount,
    })
  }
}
