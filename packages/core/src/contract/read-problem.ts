import type { ProblemDetails } from './problem'

/** Media type of problem documents. */
export const problemContentType = 'application/problem+json'

/**
 * Reads a problem document without a schema library (browser pages stay small): the same acceptance as parsing with
 * `ProblemDetails`, which a property test holds it to. Unknown members are kept, as the loose schema keeps them.
 */
export function readProblemDetails(value: unknown): ProblemDetails | undefined {
  if (!isRecord(value)) return undefined
  const { type, title, status, detail, instance, code, errors } = value
  if (typeof type !== 'string' || typeof title !== 'string' || typeof code !== 'string') return undefined
  if (typeof status !== 'number' || !Number.isInteger(status)) return undefined
  if (detail !== undefined && typeof detail !== 'string') return undefined
  if (instance !== undefined && typeof instance !== 'string') return undefined
  if (errors !== undefined && !(Array.isArray(errors) && errors.every(isFieldIssue))) return undefined
  return value as ProblemDetails
}

function isFieldIssue(value: unknown): boolean {
  return isRecord(value) && typeof value.path === 'string' && typeof value.code === 'string' && typeof value.message === 'string'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
