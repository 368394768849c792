/**
 * @module @vereinskit/core/applications: Online membership applications (Online-Mitgliedsantrag): the submission, its checks, the review and what the website may offer.
 */
export { ApplicationSubmission, MandateSubmission, PostalAddress, Salutation } from './online-application'
export type { ApplicationSubmissionInput } from './online-application'
export { checkApplication } from './check-application'
export type { ApplicationContext } from './check-application'
export { checkSubmission } from './check-submission'
export { decideApplication, ApplicationAlreadyDecidedError, paymentMethodOnAcceptance } from './review'
export type { ApplicationStatus, ApplicationDecision } from './review'
export { onlineOffer, checkPrivacyNotice } from './online-offer'
export type { OnlineOfferInput } from './online-offer'
