import { VereinskitError } from '../errors/vereinskit-error'

/** Where an application stands in review (Antragsbearbeitung). */
export type ApplicationStatus = 'pending' | 'accepted' | 'rejected'

/** A decision staff take on an application. */
export type ApplicationDecision = 'accept' | 'reject'

/** Refusal to decide an application that is already decided. */
export class ApplicationAlreadyDecidedError extends VereinskitError {
  override name = 'ApplicationAlreadyDecidedError'
  constructor(
    readonly applicationId: string,
    readonly status: Exclude<ApplicationStatus, 'pending'>,
  ) {
    super(
      status === 'accepted' ? 'APPLICATION_ALREADY_ACCEPTED' : 'APPLICATION_ALREADY_REJECTED',
      `Application ${applicationId} has already been ${status}; it cannot be decided again.`,
    )
  }
}

/** Only pending applications can be decided, and each only once; returns the new status. */
export function decideApplication(
  applicationId: string,
  current: ApplicationStatus,
  decision: ApplicationDecision,
): Exclude<ApplicationStatus, 'pending'> {
  if (current !== 'pending') throw new ApplicationAlreadyDecidedError(applicationId, current)
  return decision === 'accept' ? 'accepted' : 'rejected'
}

/**
 * How a member accepted from an online application pays: by direct debit when the applicant granted a SEPA
 * mandate and the organisation can collect (it has a creditor identifier), by invoice otherwise.
 */
export function paymentMethodOnAcceptance(
  submission: { readonly mandate?: unknown },
  organisation: { readonly creditorId: string | null },
): 'direct-debit' | 'invoice' {
  return submission.mandate && organisation.creditorId ? 'direct-debit' : 'invoice'
}
