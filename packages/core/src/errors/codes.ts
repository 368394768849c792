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
  INTERNAL: 'An unexpected error occurred.',
} as const

/** A stable machine-readable error code. */
export type ErrorCode = keyof typeof errorCodes

/** Type guard: is `value` one of our registered error codes? */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value)
}
