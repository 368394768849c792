import type { FieldIssue } from '@vereinskit/core'

// A NUL character, or half of a surrogate pair without its other half: text no database or letter can hold.
const hostileText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Deeper nesting than any of our schemas has is refused before anything walks it. */
const maxDepth = 32

/**
 * Field issues for every string in `value` (keys included) that holds a NUL character or a lone UTF-16 surrogate,
 * and for nesting deeper than 32 levels. Checked once for all input — body, query and path — before any schema
 * sees it; iterative, so no input can exhaust the stack.
 */
export function hostileTextIssues(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = []
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }]
  while (stack.length > 0 && issues.length < 20) {
    const { value: current, path, depth } = stack.pop()!
    if (typeof current === 'string') {
      if (hostileText.test(current)) {
        issues.push({ path, code: 'text-not-allowed', message: 'The text contains a NUL character or an invalid character sequence.' })
      }
      continue
    }
    if (current === null || typeof current !== 'object') continue
    if (depth >= maxDepth) {
      issues.push({ path, code: 'too-deep', message: `The input is nested deeper than ${maxDepth} levels.` })
      continue
    }
    const entries = Array.isArray(current) ? current.map((item, i) => [String(i), item] as const) : Object.entries(current)
    for (const [key, item] of entries) {
      if (!Array.isArray(current) && hostileText.test(key)) {
        issues.push({ path: join(path, key), code: 'text-not-allowed', message: 'The field name contains an invalid character.' })
      }
      stack.push({ value: item, path: join(path, key), depth: depth + 1 })
    }
  }
  return issues
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
