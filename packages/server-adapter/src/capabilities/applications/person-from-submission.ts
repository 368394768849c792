import type { ApplicationSubmission } from '@vereinskit/core/applications'
import { completePerson, type PersonData } from '@vereinskit/core/people'

/** The person an accepted application records in the shared address book. */
export function personFromSubmission(submission: ApplicationSubmission): PersonData {
  return completePerson({
    salutation: submission.salutation,
    title: submission.title ?? null,
    firstName: submission.firstName,
    lastName: submission.lastName,
    dateOfBirth: submission.dateOfBirth,
    postalAddress: submission.address,
    email: submission.email,
    phonePrivate: submission.phone ?? null,
  })
}
