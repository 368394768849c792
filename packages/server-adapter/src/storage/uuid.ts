const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True for a UUID; ids from URLs are checked with this so a malformed id is "not found", not a SQL error. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value)
}
