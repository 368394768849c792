/** Error codes of memberships and membership numbers. Merged into the one registry in errors/codes.ts. */
export const membershipErrors = {
  MEMBERSHIP_NUMBER_RANGE_EXHAUSTED: 'The membership-number range of the organisation is used up.',
  MEMBERSHIP_NOT_FOUND: 'The membership does not exist.',
  UNKNOWN_MEMBERSHIP_NUMBER: 'No membership has this number.',
  NOTICE_PERIOD_NOT_MET: 'The end date does not keep the notice period of the statute.',
  MEMBERSHIP_ARCHIVED: 'The membership is archived and cannot be changed.',
  MEMBERSHIP_NOT_TERMINATED: 'The membership has no termination to withdraw.',
  ATTACHMENT_NOT_FOUND: 'The person is not attached to this membership.',
  MEMBERSHIP_PERIOD_NOT_FOUND: 'The membership period does not exist.',
  MEMBERSHIP_PERIOD_IN_USE: 'Members are registered for this period; it cannot be deleted or moved.',
  MEMBERSHIP_TAKEN_OVER: 'A partner took this membership over; it stays ended.',
  CASH_ACCOUNT_NOT_SET: 'Immediate payment needs the cash account (gKontoBar) in the club settings.',
  ALREADY_REGISTERED_FOR_PERIOD: 'The person is already registered for this period.',
} as const
