import { addDays, calendarDateAt, isoWeekday } from '@vereinskit/core'
import { createRequestHandler, type Storage } from '@vereinskit/server-adapter'

/** The member a demo visitor books as. */
export interface DemoMember {
  readonly membershipNumber: number
  readonly dateOfBirth: string
}

/**
 * Sets up the demo club's consultation hours through the staff API, as a club office would: the office and a
 * second location, two online consultation types (one with a confirmation e-mail), a topic, two consultants with
 * default templates alternating week A and week B, blocks for the coming year, and one member to book as.
 */
export async function seedDemoCalendar(storage: Storage, organisationId: string, apiKey: string, pageUrl: string): Promise<DemoMember> {
  const handler = createRequestHandler({ storage })
  const staff = async (method: string, path: string, body?: unknown) => {
    const response = await handler(
      new Request(`http://demo.local/organisations/${organisationId}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
    )
    const json = await response.json()
    if (response.status >= 300) throw new Error(`demo calendar: ${method} ${path} answered ${response.status} ${JSON.stringify(json)}`)
    return json
  }
  const today = calendarDateAt(new Date(), 'Europe/Berlin')
  await staff('PATCH', '/settings', { appointmentPageUrl: pageUrl, onlineDaysAhead: 28 })
  const office = await staff('POST', '/consultation-locations', {
    name: 'Geschäftsstelle',
    street: 'Sportplatzweg 1',
    postcode: '12345',
    city: 'Beispielstadt',
  })
  const hall = await staff('POST', '/consultation-locations', {
    name: 'Vereinsheim',
    street: 'Am Sportpark 3',
    postcode: '12345',
    city: 'Beispielstadt',
  })
  const advice = await staff('POST', '/consultation-types', {
    name: 'Beratung zur Mitgliedschaft',
    onlineVisible: true,
    confirmation: {
      subject: 'Ihr Termin am {{appointment.date}} um {{appointment.time}} Uhr',
      text: 'Hallo {{person.name}},\nwir freuen uns auf Sie: {{appointment.date}}, {{appointment.time}} Uhr bei {{appointment.consultant}}, {{appointment.location}}.\nAbsagen: {{appointment.cancelUrl}}',
    },
  })
  const trial = await staff('POST', '/consultation-types', { name: 'Probetraining vereinbaren', onlineVisible: true })
  await staff('POST', '/consultation-types', { name: 'Vorstandssprechstunde', onlineVisible: false })
  await staff('POST', '/consultation-topics', { name: 'Beiträge und Lastschrift' })
  const anchorMonday = addDays(today, 1 - isoWeekday(today))
  const consultants = [
    { name: 'Berger, Anna', duration: 30, location: office.id, weekA: [0, 2], weekB: [1, 3], from: '09:00', to: '12:00', type: advice.id },
    { name: 'Svensson, Lars', duration: 45, location: hall.id, weekA: [1, 3], weekB: [2, 4], from: '16:00', to: '19:00', type: trial.id },
  ]
  for (const c of consultants) {
    const consultant = await staff('POST', '/consultants', {
      name: c.name,
      defaultDurationMinutes: c.duration,
      defaultLocationId: c.location,
    })
    const block = { from: c.from, to: c.to, typeId: c.type, onlineBookable: true }
    const pattern = Array.from({ length: 14 }, (_, day) => ((day < 7 ? c.weekA : c.weekB.map((d) => d + 7)).includes(day) ? [block] : []))
    await staff('POST', '/calendar-templates', {
      consultantId: consultant.id,
      name: 'Sprechstunde',
      isDefault: true,
      anchorMonday,
      pattern,
    })
    await staff('POST', '/appointment-blocks', { kind: 'period', consultantId: consultant.id, from: today, to: addDays(today, 365) })
  }
  const captured = await staff('POST', '/members', {
    person: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      dateOfBirth: '1980-05-17',
      email: 'erika.mustermann@example.org',
      postalAddress: { street: 'Lindenweg 2', postcode: '12345', city: 'Beispielstadt', country: 'DE' },
    },
    joinedOn: '2020-01-01',
    ignoreDuplicates: true,
  })
  return { membershipNumber: captured.membership.number, dateOfBirth: '1980-05-17' }
}
