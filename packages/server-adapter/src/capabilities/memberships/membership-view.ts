import type { CalendarDate } from '@vereinskit/core'
import { membershipStateOn } from '@vereinskit/core/members'
import type { MembershipView } from '@vereinskit/core/contract'
import type { MembershipRecord } from './membership-store'

/** A stored membership as the contract shows it, its state read on `today`. */
export function membershipView(record: MembershipRecord, today: CalendarDate): MembershipView {
  return {
    id: record.id,
    organisationId: record.organisationId,
    number: record.number,
    joinedOn: record.joinedOn,
    feeClassGroupId: record.feeClassGroupId,
    endsOn: record.endsOn,
    state: membershipStateOn(record, today),
    paymentMethod: record.paymentMethod,
    processingBlocked: record.processingBlocked,
    onlineAppointmentsBlocked: record.onlineAppointmentsBlocked,
    addressInvalid: record.addressInvalid,
    billingAddress: record.billingAddress,
    joiningReason: record.joiningReason,
    membershipType: record.membershipType,
    terminationReceivedOn: record.terminationReceivedOn,
    leavingReason: record.leavingReason,
    markers: [...record.markers],
    recruitedByPersonId: record.recruitedByPersonId,
    alternatePayerPersonId: record.alternatePayerPersonId,
    previousAssociation: record.previousAssociation,
    takenOverFromMembershipId: record.takenOverFromMembershipId,
    takenOverByMembershipId: record.takenOverByMembershipId,
    archivedOn: record.archivedOn,
    person: { ...record.person },
    attached: record.attached.map((a) => ({ ...a })),
    mandates: record.mandates.map((m) => ({ ...m })),
  }
}
