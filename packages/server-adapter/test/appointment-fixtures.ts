import { emptyPattern, type TemplatePatternInput } from '@vereinskit/core/appointments'

type Call = (method: string, path: string, body?: unknown) => Promise<any>

/**
 * A consultation office: one location in Berlin, an online type with a confirmation template, a phone type kept
 * offline, a topic, two consultants (30 and 60 minutes) and Anna's default template — week A Monday 09:00–12:00
 * online bookable, week B Tuesday 14:00–16:00 for staff only. The anchor Monday is 2027-03-22.
 */
export async function aConsultationOffice(ok: Call) {
  const office = await ok('POST', '/consultation-locations', {
    name: 'Geschäftsstelle',
    street: 'Hauptstraße 1',
    postcode: '10115',
    city: 'Berlin',
  })
  const inPerson = await ok('POST', '/consultation-types', {
    name: 'persönlich',
    onlineVisible: true,
    confirmation: {
      subject: 'Ihr Termin am {{appointment.date}} um {{appointment.time}} Uhr',
      text: 'Guten Tag {{person.name}},\nbis bald bei {{appointment.consultant}}.\nAbsagen: {{appointment.cancelUrl}}',
    },
  })
  const phone = await ok('POST', '/consultation-types', { name: 'telefonisch', onlineVisible: false })
  const topic = await ok('POST', '/consultation-topics', { name: 'Betriebskosten' })
  const anna = await ok('POST', '/consultants', {
    name: 'Berger, Anna',
    shortName: 'AB',
    defaultDurationMinutes: 30,
    defaultLocationId: office.id,
  })
  const lars = await ok('POST', '/consultants', {
    name: 'Svensson, Lars',
    defaultDurationMinutes: 60,
    defaultLocationId: office.id,
    topicIds: [topic.id],
  })
  const pattern: TemplatePatternInput = emptyPattern()
  pattern[0] = [{ from: '09:00', to: '12:00', typeId: inPerson.id, onlineBookable: true }]
  pattern[8] = [{ from: '14:00', to: '16:00', typeId: phone.id }]
  const template = await ok('POST', '/calendar-templates', {
    consultantId: anna.id,
    name: 'Sprechstunde',
    isDefault: true,
    anchorMonday: '2027-03-22',
    pattern,
  })
  return { office, inPerson, phone, topic, anna, lars, template }
}

/** A member captured with a date of birth and an e-mail address. */
export async function aMember(ok: Call, overrides: Record<string, unknown> = {}) {
  const captured = await ok('POST', '/members', {
    person: {
      firstName: 'Erika',
      lastName: 'Mustermann',
      dateOfBirth: '1980-05-17',
      email: 'erika@example.org',
      postalAddress: { street: 'Lindenweg 2', postcode: '10117', city: 'Berlin', country: 'DE' },
      ...overrides,
    },
    joinedOn: '2026-01-01',
    ignoreDuplicates: true,
  })
  return {
    membershipId: captured.membership.id as string,
    number: captured.membership.number as number,
    personId: captured.membership.person.id as string,
  }
}
