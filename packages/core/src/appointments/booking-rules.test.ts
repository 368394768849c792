import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { AppointmentChanges, AppointmentNote, canSendConfirmation, checkOnlineBookingLimit, checkOnlineCancellation } from './booking-rules'
import { appointmentIcs, foldIcsLine } from './appointment-ics'
import { checkBlockDeletion } from './block-conflicts'

const limits = { onlineMaxOpenBookings: 1, onlineCancellationHours: 24 }

describe('online booking limits', () => {
  it('with the default of one, the next booking waits until no open appointment is left', () => {
    expect(() => checkOnlineBookingLimit(0, limits)).not.toThrow()
    expect(() => checkOnlineBookingLimit(1, limits)).toThrow(expect.objectContaining({ code: 'ONLINE_BOOKING_LIMIT' }))
    expect(() => checkOnlineBookingLimit(2, { ...limits, onlineMaxOpenBookings: 3 })).not.toThrow()
  })

  test.prop([fc.integer({ min: 0, max: 200 }), fc.integer({ min: -300, max: 300 })])(
    'cancelling online is allowed exactly until the lead time',
    (hours, minutesBefore) => {
      const startsAt = new Date('2027-06-10T10:00:00Z')
      const now = new Date(startsAt.getTime() - hours * 3_600_000 - minutesBefore * 60_000)
      const allowed = minutesBefore >= 0
      const run = () => checkOnlineCancellation(startsAt, now, { ...limits, onlineCancellationHours: hours })
      if (allowed) expect(run).not.toThrow()
      else expect(run).toThrow(expect.objectContaining({ code: 'CANCELLATION_TOO_LATE' }))
    },
  )

  it('a note holds 500 characters; only title, type, topic and note may change', () => {
    expect(AppointmentNote.safeParse('x'.repeat(500)).success).toBe(true)
    expect(AppointmentNote.safeParse('x'.repeat(501)).success).toBe(false)
    expect(AppointmentChanges.safeParse({ note: 'ok', title: 'Betriebskosten' }).success).toBe(true)
    expect(AppointmentChanges.safeParse({ startsAt: '2027-01-01T10:00:00Z' }).success).toBe(false)
    expect(AppointmentChanges.safeParse({ consultantId: '00000000-0000-4000-8000-000000000001' }).success).toBe(false)
  })

  it('a confirmation needs the type template and an e-mail address (handbook §5.1)', () => {
    const withTemplate = { confirmation: { subject: 's', text: 't' } }
    expect(canSendConfirmation(withTemplate, 'a@b.de')).toBe(true)
    expect(canSendConfirmation(withTemplate, null)).toBe(false)
    expect(canSendConfirmation({ confirmation: null }, 'a@b.de')).toBe(false)
    expect(canSendConfirmation(null, 'a@b.de')).toBe(false)
  })
})

describe('the .ics file', () => {
  const event = {
    uid: 'appointment-1@vereinskit',
    sequence: 0,
    startsAt: new Date('2027-03-29T07:00:00Z'),
    endsAt: new Date('2027-03-29T07:30:00Z'),
    stamp: new Date('2027-03-01T12:00:00Z'),
    summary: 'Beratung: Betriebskosten, Nachzahlung',
    description: 'Bitte Unterlagen mitbringen;\nAbrechnung 2026',
    location: 'Mieterverein, Hauptstraße 1',
    organizer: { name: 'Mieterverein', email: 'termine@mieterverein.example' },
  }

  it('is one VEVENT in UTC with CRLF lines and escaped text', () => {
    const ics = appointmentIcs(event)
    expect(ics.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0'])
    expect(ics).toContain('\r\nDTSTART:20270329T070000Z\r\n')
    expect(ics).toContain('\r\nDTEND:20270329T073000Z\r\n')
    expect(ics).toContain('SUMMARY:Beratung: Betriebskosten\\, Nachzahlung')
    expect(ics).toContain('DESCRIPTION:Bitte Unterlagen mitbringen\\;\\nAbrechnung 2026')
    expect(ics).toContain('METHOD:PUBLISH')
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(appointmentIcs({ ...event, cancelled: true, sequence: 1 })).toContain('STATUS:CANCELLED')
  })

  test.prop([fc.string({ unit: 'grapheme', maxLength: 300 })])('folds at 75 octets without splitting a character', (text) => {
    const folded = foldIcsLine(`SUMMARY:${text}`)
    const encoder = new TextEncoder()
    for (const line of folded.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${text}`)
  })
})

describe('deleting blocks', () => {
  it('counts blocks and conflicts per consultant; appointments are never part of the deletion', () => {
    const at = (h: number) => new Date(Date.UTC(2027, 5, 1, h))
    const blocks = [
      { id: 'b1', consultantId: 'c1', startsAt: at(8), endsAt: at(10) },
      { id: 'b2', consultantId: 'c1', startsAt: at(12), endsAt: at(14) },
      { id: 'b3', consultantId: 'c2', startsAt: at(8), endsAt: at(10) },
    ] as never[]
    const booked = [{ consultantId: 'c1', startsAt: at(9), endsAt: at(10) }]
    expect(checkBlockDeletion(['c1', 'c2'], blocks, booked)).toEqual([
      { consultantId: 'c1', blocks: 2, conflicts: 1, conflictBlockIds: ['b1'] },
      { consultantId: 'c2', blocks: 1, conflicts: 0, conflictBlockIds: [] },
    ])
  })
})

describe('appointment e-mail text', () => {
  it('fills the placeholders in German date format and keeps unknown ones visible', async () => {
    const { renderAppointmentMail } = await import('./appointment-text')
    const mail = renderAppointmentMail(
      {
        subject: 'Termin am {{appointment.date}} um {{ appointment.time }}',
        text: '{{person.name}}: {{appointment.consultant}} {{appointment.typo}}',
      },
      {
        clubName: 'Mieterverein',
        personName: 'Erika Muster',
        date: '2027-03-29',
        time: '09:00',
        consultant: 'Berger, Anna',
        type: 'persönlich',
        location: 'Büro',
        cancelUrl: '',
      },
    )
    expect(mail).toEqual({ subject: 'Termin am 29.03.2027 um 09:00', text: 'Erika Muster: Berger, Anna {{appointment.typo}}' })
  })
})
