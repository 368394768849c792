import type { FieldIssue } from '@vereinskit/core'

// A NUL character, or half of a surrogate pair without its other half: text no database or letter can hold.
const hostileText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Field issues for every string in `value` (keys included) that holds a NUL character or a lone UTF-16 surrogate.
 * Checked once for all input — body, query and path — before any schema sees it.
 */
export function hostileTextIssues(value: unknown, path = ''): FieldIssue[] {
  if (typeof value === 'string') {
    return hostileText.test(value)
      ? [{ path, code: 'text-not-allowed', message: 'The text contains a NUL character or an invalid character sequence.' }]
      : []
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => hostileTextIssues(item, join(path, String(i))))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...hostileTextIssues(key, join(path, '(key)')),
      ...hostileTextIssues(item, join(path, key)),
    ])
  }
  return []
}

/**
 * Fields the caller sent that the schema does not know: keys of an input object that its parsed counterpart lacks
 * (zod strips unknown keys silently; we refuse them, so a typo never answers 200 while changing nothing).
 */
export function unknownFieldIssues(input: unknown, parsed: unknown, path = ''): FieldIssue[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, i) => unknownFieldIssues(item, parsed[i], join(path, String(i))))
  }
  if (isPlainObject(input) && isPlainObject(parsed)) {
    return Object.keys(input).flatMap((key) =>
      Object.hasOwn(parsed, key)
        ? unknownFieldIssues(input[key], parsed[key], join(path, key))
        : [{ path: join(path, key), code: 'unknown-field', message: `There is no field "${key}" here.` }],
    )
  }
  return []
}

/** True when a parsed change (a PATCH body) changes nothing: no field has a value. */
export function isEmptyChange(parsed: unknown): boolean {
  return isPlainObject(parsed) && Object.values(parsed).every((v) => v === undefined)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}
