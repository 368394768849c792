import type { VereinskitError } from './vereinskit-error'

/** Brand check instead of `instanceof`, so errors from a second bundle of the SDK are recognised too. */
export function isVereinskitError(value: unknown): value is VereinskitError {
  return typeof value === 'object' && value !== null && (value as { isVereinskitError?: unknown }).isVereinskitError === true
}
