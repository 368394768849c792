/**
 * @module @vereinskit/core/members: Memberships (Mitgliedschaften): numbers, end dates and where a membership stands on a day.
 */
export { MembershipNumberRange, nextMembershipNumber, lowestFreeNumber, MembershipNumberRangeExhaustedError } from './membership-number'
export { checkMembershipEnd } from './membership-end'
export { membershipStatusOn } from './membership-status'
export type { MembershipStatus } from './membership-status'
