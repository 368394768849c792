/** What one calendar entry (.ics, RFC 5545) of an appointment holds. */
export interface IcsEvent {
  /** Stable across changes of the same appointment, so calendars update instead of duplicating. */
  readonly uid: string
  /** Raised on every change (rescheduling, cancellation). */
  readonly sequence: number
  readonly startsAt: Date
  readonly endsAt: Date
  /** When the entry was made (DTSTAMP): the server's clock, passed in. */
  readonly stamp: Date
  readonly summary: string
  readonly description?: string | undefined
  readonly location?: string | undefined
  readonly organizer?: { readonly name: string; readonly email: string } | undefined
  readonly cancelled?: boolean | undefined
}

function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma, newline. */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** The UTF-8 length of one code point (core has no TextEncoder: it runs without DOM or Node typings). */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1
  if (codePoint < 0x800) return 2
  if (codePoint < 0x10000) return 3
  return 4
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0)
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/**
 * The iCalendar file of an appointment: one VEVENT in UTC times, METHOD PUBLISH (an "add to calendar" file, not
 * an invitation that asks for an answer), or CANCEL with STATUS:CANCELLED to take it out again.
 */
export function appointmentIcs(event: IcsEvent, productName = 'vereinskit'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${productName}//appointments//DE`,
    'CALSCALE:GREGORIAN',
    `METHOD:${event.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.organizer ? [`ORGANIZER;CN="${event.organizer.name.replace(/"/g, "'")}":mailto:${event.organizer.email}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`
}
