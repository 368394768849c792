import { VereinskitError, type ErrorCode } from '@vereinskit/core'

/** A resource that does not exist for this organisation (or exists only for another one: we do not say which). */
export function notFound(code: Extract<ErrorCode, `${string}NOT_FOUND`>, what: string, id: string): VereinskitError {
  return new VereinskitError(code, `${what} ${id} does not exist.`)
}
