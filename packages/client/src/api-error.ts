import { readProblemDetails, type ProblemDetails, type ProblemFieldIssue } from '@vereinskit/core/contract'
import type { ErrorCode } from '@vereinskit/core'

/** Codes the client itself produces when no problem document arrived. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE'

/**
 * An error answer of the vereinskit API, or a failure to reach it: the server's stable `code`, the HTTP status,
 * and the per-field issues a form shows next to its fields.
 */
export class ApiError extends Error {
  override name = 'ApiError'
  /** Brand checked by `isApiError`; survives two copies of the client on one page. */
  readonly isApiError = true
  readonly code: ErrorCode | ClientErrorCode | (string & {})
  readonly status: number
  readonly issues: readonly ProblemFieldIssue[]
  readonly problem: ProblemDetails | undefined

  constructor(
    code: ApiError['code'],
    message: string,
    options: { status?: number; issues?: readonly ProblemFieldIssue[]; problem?: ProblemDetails; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.status = options.status ?? 0
    this.issues = options.issues ?? []
    this.problem = options.problem
  }

  /** Rebuilds the error from an RFC 9457 document; anything else becomes an `INVALID_RESPONSE` with the status. */
  static fromProblem(body: unknown, status: number): ApiError {
    const problem = readProblemDetails(body)
    if (!problem) return new ApiError('INVALID_RESPONSE', `The server answered ${status} without a problem document.`, { status })
    return new ApiError(problem.code, problem.detail ?? problem.title, { status: problem.status, issues: problem.errors ?? [], problem })
  }

  /** Issues by field path (`mandate.iban` → first message), for showing next to form fields. */
  get fieldErrors(): Readonly<Record<string, ProblemFieldIssue>> {
    const byPath: Record<string, ProblemFieldIssue> = {}
    for (const issue of this.issues) byPath[issue.path] ??= issue
    return byPath
  }
}

/** Brand check instead of `instanceof`. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && (value as { isApiError?: unknown }).isApiError === true
}
