import { errorCodes, isVereinskitError, type ErrorCode, type FieldIssue } from '@vereinskit/core'
import { problemContentType, type ProblemDetails } from '@vereinskit/core/contract'

/** The HTTP status of every error code; a new code does not compile until it has one. */
export const statusByCode: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 422,
  INVALID_AMOUNT: 422,
  INVALID_CALENDAR_DATE: 422,
  INVALID_IBAN: 422,
  INVALID_BIC: 422,
  INVALID_CREDITOR_ID: 422,
  INVALID_MANDATE_REFERENCE: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  ORIGIN_NOT_ALLOWED: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  APPLICATION_NOT_FOUND: 404,
  APPLICATION_ALREADY_ACCEPTED: 409,
  APPLICATION_ALREADY_REJECTED: 409,
  MEMBERSHIP_NUMBER_RANGE_EXHAUSTED: 409,
  MEMBERSHIP_NOT_FOUND: 404,
  ASSIGNMENT_CHANGE_BEFORE_START: 422,
  ASSIGNMENT_ALREADY_ENDED: 409,
  ASSIGNMENT_CHARGED: 409,
  ASSIGNMENT_NOT_FOUND: 404,
  RUN_PLAN_CHANGED: 409,
  CHARGE_RUN_IN_USE: 409,
  CHARGE_RUN_HAS_DEPENDANTS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  RUN_NOT_FOUND: 404,
  RUN_ALREADY_REVERSED: 409,
  POSTING_NOT_FOUND: 404,
  POSTING_NOT_REVERSIBLE: 409,
  POSTING_ALREADY_REVERSED: 409,
  POSTING_IN_USE: 409,
  POSTING_FIELD_IMMUTABLE: 422,
  DUNNING_LEVELS_INVALID: 422,
  DUNNING_LEVEL_NOT_FOUND: 404,
  DUNNING_LEVEL_IN_USE: 409,
  DUNNING_RUN_INVALID: 422,
  DUNNING_REVERSAL_ORDER: 409,
  DUNNING_NOTHING_TO_CANCEL: 409,
  DUNNING_BLOCK_INVALID: 422,
  EXCLUSION_SETTINGS_MISSING: 422,
  EXCLUSION_DATE_PAST: 422,
  COLLECTION_RUN_EMPTY: 409,
  COLLECTION_RUN_EXPORTED: 409,
  TEMPLATE_NOT_FOUND: 404,
  TEMPLATE_PLACEHOLDER_UNKNOWN: 422,
  TEMPLATE_KIND_TAKEN: 409,
  DOCUMENT_NOT_FOUND: 404,
  MANDATE_NOT_FOUND: 404,
  MANDATE_IN_USE: 409,
  MANDATE_INVALID: 422,
  MANDATE_DOCUMENT_TOO_LARGE: 413,
  MANDATE_DOCUMENT_NOT_PDF: 415,
  CREDITOR_DATA_MISSING: 409,
  DIRECT_DEBIT_DATE_INVALID: 422,
  DIRECT_DEBIT_RUN_EXPORTED: 409,
  DIRECT_DEBIT_RUN_NOT_EXPORTED: 409,
  DIRECT_DEBIT_NOT_FOUND: 404,
  DIRECT_DEBIT_EXPORT_EMPTY: 409,
  DIRECT_DEBIT_CANCEL_UNCONFIRMED: 428,
  DIRECT_DEBIT_RETURNED: 409,
  DIRECT_DEBIT_ITEMS_SETTLED: 409,
  DIRECT_DEBIT_MANDATE_CHANGED: 409,
  SEPA_TEXT_INVALID: 422,
  PRE_NOTIFICATION_NOT_FOUND: 404,
  BANK_FILE_TOO_LARGE: 413,
  BANK_FILE_NOT_XML: 422,
  BANK_FILE_DTD_REFUSED: 422,
  BANK_FILE_TOO_DEEP: 422,
  BANK_FILE_UNSUPPORTED: 422,
  BANK_FILE_INVALID: 422,
  BANK_FILE_ALREADY_IMPORTED: 409,
  BANK_FILE_NOT_FOUND: 404,
  BANK_FILE_CLOSED: 409,
  BANK_ENTRY_NOT_FOUND: 404,
  BANK_ENTRY_NOT_OPEN: 409,
  BANK_ENTRY_NOT_ASSIGNABLE: 409,
  BANK_IMPORT_SETTINGS_MISSING: 409,
  RETURN_REASON_INVALID: 422,
  ALLOCATION_INVALID: 422,
  ACCOUNT_NOT_FOUND: 404,
  ACCOUNT_TYPE_MISMATCH: 422,
  FEE_CLASS_NOT_FOUND: 404,
  PAYMENT_PLAN_NOT_FOUND: 404,
  UNKNOWN_MEMBERSHIP_NUMBER: 422,
  INVALID_RANGE: 422,
  DUPLICATE_NAME: 409,
  FEE_CLASS_NOT_ASSIGNABLE: 422,
  AMOUNT_OUT_OF_RANGE: 422,
  DATA_DIRECTORY_LOCKED: 503,
  INTERNAL: 500,
}

/** Builds the RFC 9457 document for an error code. */
export function toProblem(
  code: ErrorCode,
  detail: string,
  options: { instance?: string; errors?: readonly FieldIssue[] } = {},
): ProblemDetails {
  return {
    type: `https://vereinskit.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: errorCodes[code],
    status: statusByCode[code],
    detail,
    code,
    ...(options.instance !== undefined && { instance: options.instance }),
    ...(options.errors && options.errors.length > 0 && { errors: [...options.errors] }),
  }
}

/**
 * Renders any thrown value as `application/problem+json`. Our errors keep their code and field issues; anything
 * else becomes a 500 whose detail reveals nothing internal (the error goes to `onUnexpectedError`).
 */
export function problemResponse(error: unknown, instance: string, headers: Record<string, string> = {}): Response {
  const problem = isVereinskitError(error)
    ? toProblem(error.code, error.message, { instance, errors: error.issues })
    : toProblem('INTERNAL', 'An unexpected error occurred. It has been logged.', { instance })
  const responseHeaders = new Headers(headers)
  responseHeaders.set('content-type', problemContentType)
  return new Response(JSON.stringify(problem), { status: problem.status, headers: responseHeaders })
}
