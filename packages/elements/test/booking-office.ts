import { addDays, calendarDateAt, isoWeekday } from '@vereinskit/core'
import { provisionOrganisation, type RequestHandler, type Storage } from '@vereinskit/server-adapter'

/** What the booking tests get: the club, its online type and location, and a member who can book. */
export interface BookingOffice {
  organisationId: string
  apiKey: string
  typeId: string
  locationId: string
  consultantId: string
  membershipNumber: number
  dateOfBirth: string
  email: string
}

/**
 * Provisions a club that takes online bookings, through the staff API as a club would set it up: an office in
 * Berlin, an online consultation type with a confirmation e-mail, a consultant with 30-minute slots and a default
 * template of 09:00–12:00 on every day, blocks for the 14 days after today (the real today: the browser runs on the
 * machine's clock), and a member with an e-mail address of its own.
 */
export async function provisionBookingOffice(storage: Storage, handler: RequestHandler, host: string): Promise<BookingOffice> {
  const { organisation, apiKey } = await provisionOrganisation(storage, {
    name: 'Mieterverein Beispielstadt e.V.',
    membershipNumberRange: { from: 1000, to: 9999 },
  })
  const staff = async (method: string, path: string, body?: unknown) => {
    const response = await handler(
      new Request(`http://${host}/api/organisations/${organisation.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
      { clientAddress: '127.0.0.1' },
    )
    const json = await response.json()
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
    return json
  }
  const today = calendarDateAt(new Date(), 'Europe/Berlin')
  await staff('PATCH', '/settings', { appointmentPageUrl: 'https://mieterverein.example/termine' })
  const office = await staff('POST', '/consultation-locations', {
    name: 'Geschäftsstelle',
    street: 'Hauptstraße 1',
    postcode: '10115',
    city: 'Berlin',
  })
  const type = await staff('POST', '/consultation-types', {
    name: 'Mietrechtsberatung',
    onlineVisible: true,
    confirmation: {
      subject: 'Ihr Termin am {{appointment.date}} um {{appointment.time}} Uhr',
      text: 'Guten Tag {{person.name}},\nwir erwarten Sie bei {{appointment.consultant}}.\nAbsagen: {{appointment.cancelUrl}}',
    },
  })
  const consultant = await staff('POST', '/consultants', {
    name: 'Berger, Anna',
    defaultDurationMinutes: 30,
    defaultLocationId: office.id,
  })
  const block = { from: '09:00', to: '12:00', typeId: type.id, onlineBookable: true }
  await staff('POST', '/calendar-templates', {
    consultantId: consultant.id,
    name: 'Sprechstunde',
    isDefault: true,
    anchorMonday: addDays(today, 1 - isoWeekday(today)),
    pattern: Array.from({ length: 14 }, () => [block]),
  })
  // From tomorrow: every day offered then has all six slots, whatever the time of day the tests run.
  await staff('POST', '/appointment-blocks', {
    kind: 'period',
    consultantId: consultant.id,
    from: addDays(today, 1),
    to: addDays(today, 14),
  })
  const email = `erika.${organisation.id.slice(0, 8)}@example.org`
  const captured = await staff('POST', '/members', {
    person: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      dateOfBirth: '1980-05-17',
      email,
      postalAddress: { street: 'Lindenweg 2', postcode: '10117', city: 'Berlin', country: 'DE' },
    },
    joinedOn: '2020-01-01',
    ignoreDuplicates: true,
  })
  return {
    organisationId: organisation.id,
    apiKey,
    typeId: type.id,
    locationId: office.id,
    consultantId: consultant.id,
    membershipNumber: captured.membership.number,
    dateOfBirth: '1980-05-17',
    email,
  }
}
