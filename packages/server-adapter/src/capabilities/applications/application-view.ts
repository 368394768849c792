import type { Application } from '@vereinskit/core/contract'
import type { ApplicationRecord } from './application-store'

/** A stored application as the contract shows it. */
export function applicationView(record: ApplicationRecord): Application {
  return {
    id: record.id,
    organisationId: record.organisationId,
    status: record.status,
    submittedAt: record.submittedAt.toISOString(),
    submittedOn: record.submittedOn,
    decidedAt: record.decidedAt?.toISOString() ?? null,
    submission: record.submission,
    feeClassGroupName: record.feeClassGroupName,
    rejectionReason: record.rejectionReason,
    personId: record.personId,
    membershipId: record.membershipId,
    membershipNumber: record.membershipNumber,
  }
}
