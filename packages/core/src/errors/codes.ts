import { sepaErrors } from '../sepa/sepa-errors'
import { applicationErrors } from '../applications/application-errors'
import { membershipErrors } from '../members/membership-errors'
import { feeErrors } from '../fees/fee-errors'
import { runErrors } from '../runs/run-errors'
import { ledgerErrors } from '../ledger/ledger-errors'
import { dunningErrors } from '../dunning/dunning-errors'
import { directDebitErrors } from '../direct-debit/direct-debit-errors'
import { bankImportErrors } from '../bank-import/bank-import-errors'
import { peopleErrors } from '../people/people-errors'
import { appointmentErrors } from '../appointments/appointment-errors'
import { syncErrors } from '../sync/sync-errors'

/** Codes every part of vereinskit may raise: input, access, transport, storage. */
export const commonErrors = {
  VALIDATION_FAILED: 'The input is invalid.',
  INVALID_AMOUNT: 'The amount is not a valid sum of money.',
  INVALID_CALENDAR_DATE: 'The value is not a valid calendar date (YYYY-MM-DD).',
  UNAUTHENTICATED: 'An API key is required.',
  FORBIDDEN: 'This API key may not access this organisation.',
  NOT_FOUND: 'The requested resource does not exist.',
  ORGANISATION_NOT_FOUND: 'The organisation does not exist.',
  ORIGIN_NOT_ALLOWED: 'This website is not allowed to submit to this organisation.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  RATE_LIMITED: 'Too many submissions; please try again later.',
  INVALID_RANGE: 'The range starts after it ends.',
  DUPLICATE_NAME: 'The name is already used.',
  DATA_DIRECTORY_LOCKED: 'Another server is using this data directory.',
  INTERNAL: 'An unexpected error occurred.',
} as const

/**
 * Every error code vereinskit can raise, with its default message: the common ones and each domain's own
 * (declared beside its rules). Codes are stable API: clients branch on them, and the server maps each one to an
 * HTTP status.
 */
export const errorCodes = {
  ...commonErrors,
  ...sepaErrors,
  ...applicationErrors,
  ...membershipErrors,
  ...feeErrors,
  ...runErrors,
  ...ledgerErrors,
  ...dunningErrors,
  ...directDebitErrors,
  ...bankImportErrors,
  ...peopleErrors,
  ...appointmentErrors,
  ...syncErrors,
} as const

/** The registries merged into `errorCodes`; no code may be declared twice. */
export const errorRegistries = {
  commonErrors,
  sepaErrors,
  applicationErrors,
  membershipErrors,
  feeErrors,
  runErrors,
  ledgerErrors,
  dunningErrors,
  directDebitErrors,
  bankImportErrors,
  peopleErrors,
  appointmentErrors,
  syncErrors,
} as const

/** A stable machine-readable error code. */
export type ErrorCode = keyof typeof errorCodes

/** Type guard: is `value` one of our registered error codes? */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCodes, value)
}
