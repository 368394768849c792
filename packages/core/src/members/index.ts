/**
 * @module @vereinskit/core/members: Memberships (Mitgliedschaften): numbers, end dates and notice periods, where a
 * membership stands on a day, attached partners and beneficiaries, and membership periods.
 */
export { MembershipNumberRange, nextMembershipNumber, lowestFreeNumber, MembershipNumberRangeExhaustedError } from './membership-number'
export { checkMembershipEnd } from './membership-end'
export { membershipStatusOn } from './membership-status'
export type { MembershipStatus } from './membership-status'
export { membershipStateOn } from './membership-state'
export type { MembershipState } from './membership-state'
export { NoticePeriod, earliestEndDate, keepsNoticePeriod } from './notice-period'
export { checkAttachment, checkNewMainMember, takeoverDate } from './membership-person-rules'
export { terminationEnd } from './termination'
export type { TerminationRequest } from './termination'
export type { AttachedRole, PersonPlaces } from './membership-person-rules'
export { MembershipPeriodInput, checkMembershipPeriod, periodOn } from './membership-period'
export type { MembershipPeriod } from './membership-period'
