/**
 * Every error code vereinskit can raise, with its default message. Codes are stable API: clients branch on them,
 * and the server maps each one to an HTTP status.
 */
export const errorCodes = {
  VALIDATION_FAILED: 'The input is invalid.',
  INVALID_AMOUNT: 'The amount is not a valid sum of money.',
  INVALID_CALENDAR_DATE: 'The value is not a valid calendar date (YYYY-MM-DD).',
  INVALID_IBAN: 'The IBAN is not valid.',
  INVALID_BIC: 'The BIC is not valid.',
  INVALID_CREDITOR_ID: 'The SEPA creditor identifier is not valid.',
  INVALID_MANDATE_REFERENCE: 'The SEPA mandate reference is not valid.',
  UNAUTHENTICATED: 'An API key is required.',
  FORBIDDEN: 'This API key may not access this organisation.',
  NOT_FOUND: 'The requested resource does not exist.',
  ORGANISATION_NOT_FOUND: 'The organisation does not exist.',
  ORIGIN_NOT_ALLOWED: 'This website is not allowed to submit to this organisation.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  RATE_LIMITED: 'Too many submissions; please try again later.',
  APPLICATION_NOT_FOUND: 'The application does not exist.',
  APPLICATION_ALREADY_ACCEPTED: 'The application has already been accepted.',
  APPLICATION_ALREADY_REJECTED: 'The application has already been rejected.',
  MEMBERSHIP_NUMBER_RANGE_EXHAUSTED: 'The membership-number range of the organisation is used up.',
  MEMBERSHIP_NOT_FOUND: 'The membership does not exist.',
  ASSIGNMENT_CHANGE_BEFORE_START: 'A fee class change must start after the current class started.',
  ASSIGNMENT_ALREADY_ENDED: 'The fee class assignment has already ended.',
  ASSIGNMENT_CHARGED: 'The fee class assignment has charges; end it instead of removing it.',
  ASSIGNMENT_NOT_FOUND: 'The fee class assignment does not exist.',
  RUN_PLAN_CHANGED: 'The data changed since the preview; preview the run again.',
  CHARGE_RUN_IN_USE: 'The charge run cannot be undone: an invoice, direct-debit or dunning run has used its charges.',
  CHARGE_RUN_HAS_DEPENDANTS: 'The charge run cannot be undone: reversals, write-offs or manual allocations depend on its charges.',
  IDEMPOTENCY_KEY_REUSED: 'This idempotency key was already used with other parameters.',
  RUN_NOT_FOUND: 'The run does not exist.',
  RUN_ALREADY_REVERSED: 'The run has already been undone.',
  POSTING_NOT_FOUND: 'The posting does not exist.',
  POSTING_NOT_REVERSIBLE: 'Direct-debit and returned-debit postings cannot be reversed.',
  POSTING_ALREADY_REVERSED: 'The posting has already been reversed.',
  POSTING_IN_USE: 'The debit cannot be deleted: credits are allocated to it or a run has used it.',
  POSTING_FIELD_IMMUTABLE: 'Only the text and the document number of a saved posting can change.',
  ALLOCATION_INVALID: 'The allocation does not fit the open amounts.',
  ACCOUNT_NOT_FOUND: 'The account does not exist.',
  ACCOUNT_TYPE_MISMATCH: 'The account has the wrong type for this booking.',
  FEE_CLASS_NOT_FOUND: 'The fee class does not exist.',
  PAYMENT_PLAN_NOT_FOUND: 'The payment plan does not exist.',
  UNKNOWN_MEMBERSHIP_NUMBER: 'No membership has this number.',
  INVALID_RANGE: 'The range starts after it ends.',
  DUPLICATE_NAME: 'The name is already used.',
  FEE_CLASS_NOT_ASSIGNABLE: 'The fee class is hidden or not valid for this period and cannot be assigned.',
  AMOUNT_OUT_OF_RANGE: 'The amount, or the balance it leads to, is larger than a member account can hold.',
  DATA_DIRECTORY_LOCKED: 'Another server is using this data directory.',
  INTERNAL: 'An unexpected error occurred.',
} as const

/** A stable machine-readable error code. */
export type ErrorCode = keyof typeof errorCodes

/** Type guard: is `value` one of our registered error codes? */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value)
}
