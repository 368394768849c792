import type { FieldIssue } from '../errors/vereinskit-error'
import type { ClubSettings } from '../settings/club-settings'

/** What the organisation offers online, as far as the application form depends on it. */
export interface OnlineOfferInput {
  readonly groupsOfferedOnline: number
  readonly privacyNoticeUrl: string | null
  readonly creditorId: string | null
  readonly settings: Pick<ClubSettings, 'applicationPaymentMethod'>
}

/**
 * Whether the form takes applications (some group offered, a privacy notice to consent to) and which payment method
 * it preselects (the club's choice, handbook version notes 5.4.1; direct debit only with a creditor identifier).
 * @see docs/decisions/0012-online-application-settings.md
 */
export function onlineOffer(input: OnlineOfferInput): { applicationsOpen: boolean; preselectedPaymentMethod: 'direct-debit' | 'invoice' } {
  return {
    applicationsOpen: input.groupsOfferedOnline > 0 && input.privacyNoticeUrl !== null,
    preselectedPaymentMethod: input.creditorId === null ? 'invoice' : input.settings.applicationPaymentMethod,
  }
}

/**
 * The form asks for consent to the privacy notice, so a group can be offered online only with a link to one, and
 * the link cannot be removed while a group is offered. Returns the field issue, or nothing when the change is fine.
 */
export function checkPrivacyNotice(change: { offeringOnline: boolean; privacyNoticeUrl: string | null }, path: string): FieldIssue[] {
  if (!change.offeringOnline || change.privacyNoticeUrl !== null) return []
  return [
    {
      path,
      code: 'privacy-notice-required',
      message: 'Set the privacy-notice URL in the settings first: applicants must be able to read what they consent to.',
    },
  ]
}
