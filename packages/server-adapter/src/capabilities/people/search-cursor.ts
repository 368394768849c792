import { ValidationError } from '@vereinskit/core'
import { searchPositionOf, type SearchPosition } from '@vereinskit/core/people'
import type { SearchHitRecord } from './people-store'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= 200 && !/[\u0000-\u001f]/.test(v)

/** The cursor of the page after `row`: its sort position, opaque to clients. */
export function searchCursorAfter(row: SearchHitRecord): string {
  const p = searchPositionOf(row, row)
  return Buffer.from(JSON.stringify([p.lastName, p.firstName, p.personId, p.number, p.membershipId])).toString('base64url')
}

/** The position a cursor names; anything else is refused as invalid input. */
export function readSearchCursor(cursor: string): SearchPosition {
  try {
    const [lastName, firstName, personId, number, membershipId] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[]
    if (
      text(lastName) &&
      text(firstName) &&
      typeof personId === 'string' &&
      uuid.test(personId) &&
      Number.isSafeInteger(number) &&
      typeof membershipId === 'string' &&
      (membershipId === '' || uuid.test(membershipId))
    ) {
      return { lastName, firstName, personId, number: number as number, membershipId }
    }
  } catch {
    // refused below
  }
  throw new ValidationError([{ path: 'cursor', code: 'invalid-cursor', message: 'The page cursor is not valid.' }])
}
