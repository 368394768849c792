/** Error codes of memberships and membership numbers. Merged into the one registry in errors/codes.ts. */
export const membershipErrors = {
  MEMBERSHIP_NUMBER_RANGE_EXHAUSTED: 'The membership-number range of the organisation is used up.',
  MEMBERSHIP_NOT_FOUND: 'The membership does not exist.',
  UNKNOWN_MEMBERSHIP_NUMBER: 'No membership has this number.',
} as const
