import type { MembershipView } from '@vereinskit/core/contract'
import type { MembershipRecord } from './membership-store'

/** A stored membership as the contract shows it. */
export function membershipView(record: MembershipRecord): MembershipView {
  return {
    id: record.id,
    organisationId: record.organisationId,
    number: record.number,
    joinedOn: record.joinedOn,
    feeClassGroupId: record.feeClassGroupId,
    endsOn: record.endsOn,
    paymentMethod: record.paymentMethod,
    processingBlocked: record.processingBlocked,
    addressInvalid: record.addressInvalid,
    billingAddress: record.billingAddress,
    leavingReason: record.leavingReason,
    markers: [...record.markers],
    person: { ...record.person },
    mandates: record.mandates.map((m) => ({ ...m })),
  }
}
