import { ValidationError } from '@vereinskit/core'

/**
 * The cursor of a keyset page: the last row's sort key and id, opaque to clients (base64url JSON). Pages read "rows
 * after (key, id)", so they never repeat or skip a row while rows are added.
 */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url')
}

/** The key and id of a cursor; a cursor that is not one of ours is refused as invalid input. */
export function decodeCursor(cursor: string): [key: string, id: string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown
    // Only printable text and a uuid: nothing a client crafted may reach the database unchecked.
    const printable = (v: unknown) =>
      typeof v === 'string' &&
      v.length <= 400 &&
      !/[\u0000\u0002-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v)
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    if (Array.isArray(value) && value.length === 2 && printable(value[0]) && uuid.test(String(value[1]))) return value as [string, string]
  } catch {
    // refused below
  }
  throw new ValidationError([{ path: 'cursor', code: 'invalid-cursor', message: 'The page cursor is not valid.' }])
}
