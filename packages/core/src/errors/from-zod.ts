import type * as z from 'zod'
import type { FieldIssue } from './vereinskit-error'

/**
 * Turns zod issues into our field issues. The `code` is a stable reason key a form can translate: a custom
 * `params.reason` when the schema set one, else one derived from zod's issue (`required`, `invalid-email`,
 * `too-long`, …). `input` is the parsed value, used to tell a missing field from a wrong one.
 */
export function fieldIssuesFromZod(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: reasonOf(issue, valueAt(input, issue.path)),
    message: isMissing(issue, valueAt(input, issue.path)) ? 'This field is required.' : issue.message,
  }))
}

function reasonOf(issue: z.core.$ZodIssue, value: unknown): string {
  const params = (issue as { params?: { reason?: unknown } }).params
  if (typeof params?.reason === 'string') return params.reason
  if (isMissing(issue, value)) return 'required'
  switch (issue.code) {
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid-email' : 'invalid-format'
    case 'too_big':
      return 'too-long'
    case 'too_small':
      return 'too-short'
    case 'invalid_value':
      return 'invalid-choice'
    case 'unrecognized_keys':
      return 'unknown-field'
    default:
      return issue.code.replaceAll('_', '-')
  }
}

function isMissing(issue: z.core.$ZodIssue, value: unknown): boolean {
  if (value === undefined || value === null) return issue.code === 'invalid_type' || issue.code === 'invalid_value'
  return issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1 && typeof value === 'string'
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}
