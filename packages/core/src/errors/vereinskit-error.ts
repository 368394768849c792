import type { ErrorCode } from './codes'

/** One problem with one input field; `path` uses dots (`mandate.iban`). */
export interface FieldIssue {
  readonly path: string
  readonly code: string
  readonly message: string
}

/**
 * The base of every error vereinskit throws on purpose: a stable `code`, a human message, optional field issues.
 * The message is required, so the registry of default messages (`errorCodes`) stays out of browser bundles; the
 * server answers with the registry's title beside it.
 */
export class VereinskitError extends Error {
  override name = 'VereinskitError'
  /** Brand checked by `isVereinskitError`; survives two copies of the SDK on one page. */
  readonly isVereinskitError = true
  readonly code: ErrorCode
  readonly issues: readonly FieldIssue[]

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; issues?: readonly FieldIssue[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.issues = options?.issues ?? []
  }
}

/** Input failed validation; `issues` names each field and why. */
export class ValidationError extends VereinskitError {
  override name = 'ValidationError'
  constructor(issues: readonly FieldIssue[], message?: string) {
    super('VALIDATION_FAILED', message ?? describeIssues(issues), { issues })
  }
}

function describeIssues(issues: readonly FieldIssue[]): string {
  if (issues.length === 0) return 'The input is invalid.'
  return `Invalid input: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`
}
