import { expect, it } from 'vitest'
import { ConsultantInput, emptyPattern, type AppointmentBlock } from '@vereinskit/core/appointments'
import type { OrganisationStorage } from '../../src/storage/organisation-storage'
import type { NewAppointment } from '../../src/capabilities/appointments/appointment-store'
import { describeStore } from './storage-contract'

const at = (iso: string) => new Date(iso)

/** A consultant with one 09:00–10:00 block (UTC+1) on 2027-03-22. */
async function aCalendar(store: OrganisationStorage, name = 'Berger, Anna') {
  const consultant = await store.consultants.create(ConsultantInput.parse({ name, defaultDurationMinutes: 30 }))
  const block: AppointmentBlock = {
    consultantId: consultant.id,
    date: '2027-03-22',
    from: '09:00',
    to: '10:00',
    startsAt: at('2027-03-22T08:00:00Z'),
    endsAt: at('2027-03-22T09:00:00Z'),
    typeId: null,
    locationId: null,
    timeZone: 'Europe/Berlin',
    slotMinutes: 30,
    plannable: true,
    onlineBookable: true,
    templateId: null,
  }
  const [stored] = await store.calendar.insertBlocks([block])
  return { consultant, block: stored! }
}

function appointmentOf(consultantId: string, blockId: string, personId: string, startsAt: string): NewAppointment {
  const start = at(startsAt)
  return {
    consultantId,
    blockId,
    locationId: null,
    typeId: null,
    topicId: null,
    kind: 'consultation',
    personId,
    membershipId: null,
    startsAt: start,
    endsAt: new Date(start.getTime() + 30 * 60_000),
    timeZone: 'Europe/Berlin',
    title: '',
    note: '',
    bookedVia: 'staff',
    cancelTokenHash: null,
    confirmationQueued: false,
    createdBy: 'test',
  }
}

describeStore('appointment', (s) => {
  it('keeps catalogues per organisation; a used name is refused in the same organisation only', async () => {
    const a = await s.club()
    const b = await s.club()
    const anna = await a.store.consultants.create(ConsultantInput.parse({ name: 'Berger, Anna' }))
    await expect(a.store.consultants.create(ConsultantInput.parse({ name: 'berger, anna' }))).rejects.toMatchObject({
      code: 'DUPLICATE_NAME',
    })
    await b.store.consultants.create(ConsultantInput.parse({ name: 'Berger, Anna' }))
    expect(await b.store.consultants.get(anna.id)).toBeUndefined()
    expect(await b.store.consultants.update(anna.id, { shortName: 'X' })).toBeUndefined()
    expect((await b.store.consultants.getMany([anna.id])).size).toBe(0)
    expect(await a.store.consultants.update(anna.id, { shortName: 'AB' })).toMatchObject({ shortName: 'AB', name: 'Berger, Anna' })
    expect(await a.store.consultants.get('not-a-uuid')).toBeUndefined()
  })

  it('one default template per consultant; templates and blocks are invisible to another organisation', async () => {
    const a = await s.club()
    const b = await s.club()
    const { consultant, block } = await aCalendar(a.store)
    const template = {
      consultantId: consultant.id,
      name: 'Sprechstunde',
      active: true,
      isDefault: true,
      anchorMonday: '2027-03-22',
      pattern: emptyPattern(),
    }
    const created = await a.store.calendar.createTemplate(template)
    await expect(a.store.calendar.createTemplate({ ...template, name: 'Zweite' })).rejects.toMatchObject({
      code: 'DEFAULT_TEMPLATE_EXISTS',
    })
    expect((await a.store.calendar.defaultTemplate(consultant.id))?.id).toBe(created.id)
    expect(await b.store.calendar.getTemplate(created.id)).toBeUndefined()
    expect(await b.store.calendar.updateTemplate(created.id, { name: 'Fremd' })).toBeUndefined()
    expect(await b.store.calendar.getBlock(block.id)).toBeUndefined()
    expect(await b.store.calendar.blocks({ from: at('2027-01-01T00:00:00Z'), to: at('2028-01-01T00:00:00Z') })).toEqual([])
    expect(await b.store.calendar.deleteBlocks([block.id])).toBe(0)
    expect(await b.store.calendar.lockConsultant(consultant.id)).toBe(false)
    expect(await a.store.calendar.getBlock(block.id)).toMatchObject({ from: '09:00', slotMinutes: 30, startsAt: block.startsAt })
  })

  it('a second appointment of a consultant at the same start is refused; a cancelled one frees the start', async () => {
    const a = await s.club()
    const { consultant, block } = await aCalendar(a.store)
    const member = await s.member(a.store, 1)
    const first = await a.store.appointments.insert(appointmentOf(consultant.id, block.id, member.personId, '2027-03-22T08:00:00Z'))
    await expect(
      a.store.appointments.insert(appointmentOf(consultant.id, block.id, member.personId, '2027-03-22T08:00:00Z')),
    ).rejects.toMatchObject({ code: 'SLOT_NOT_AVAILABLE' })
    const range = { from: at('2027-03-22T00:00:00Z'), to: at('2027-03-23T00:00:00Z') }
    expect(await a.store.appointments.booked(range)).toHaveLength(1)
    const cancelled = await a.store.appointments.update(first.id, { cancelledAt: at('2027-03-01T00:00:00Z'), cancelledBy: 'staff' })
    expect(cancelled.sequence).toBe(first.sequence + 1)
    expect(await a.store.appointments.booked(range)).toEqual([])
    await a.store.appointments.insert(appointmentOf(consultant.id, block.id, member.personId, '2027-03-22T08:00:00Z'))
    expect(await a.store.appointments.list({ ...range, includeCancelled: true })).toHaveLength(2)
    expect(await a.store.appointments.list(range)).toHaveLength(1)
  })

  it('another organisation sees, counts and changes none of the appointments', async () => {
    const a = await s.club()
    const b = await s.club()
    const { consultant, block } = await aCalendar(a.store)
    const member = await s.member(a.store, 1)
    const booked = await a.store.appointments.insert(appointmentOf(consultant.id, block.id, member.personId, '2027-03-22T08:30:00Z'))
    const now = at('2027-03-01T00:00:00Z')
    expect(await b.store.appointments.get(booked.id)).toBeUndefined()
    expect(await b.store.appointments.list({})).toEqual([])
    expect(await b.store.appointments.booked({ from: now, to: at('2028-01-01T00:00:00Z') })).toEqual([])
    expect(await b.store.appointments.openCount(member.personId, now)).toBe(0)
    expect(await b.store.appointments.lastConsultant(member.personId, at('2027-04-01T00:00:00Z'))).toBeNull()
    await expect(b.store.appointments.update(booked.id, { note: 'Fremd' })).rejects.toMatchObject({ code: 'APPOINTMENT_NOT_FOUND' })
    expect(await b.store.appointments.claimReminders(now, at('2028-01-01T00:00:00Z'))).toEqual([])
    expect(await b.store.appointments.markMissedLetters([booked.id], now)).toEqual([])
    expect(await a.store.appointments.get(booked.id)).toMatchObject({ note: '', reminderQueuedAt: null, missedLetterAt: null })
  })

  it('counts open appointments, finds the last consultant, claims each reminder once and writes each letter once', async () => {
    const a = await s.club()
    const { consultant, block } = await aCalendar(a.store)
    const member = await s.member(a.store, 1)
    const booked = await a.store.appointments.insert(appointmentOf(consultant.id, block.id, member.personId, '2027-03-22T08:00:00Z'))
    expect(await a.store.appointments.openCount(member.personId, at('2027-03-21T00:00:00Z'))).toBe(1)
    expect(await a.store.appointments.openCount(member.personId, at('2027-03-23T00:00:00Z'))).toBe(0)
    expect(await a.store.appointments.lastConsultant(member.personId, at('2027-03-21T00:00:00Z'))).toBeNull()
    expect(await a.store.appointments.lastConsultant(member.personId, at('2027-03-23T00:00:00Z'))).toBe(consultant.id)
    const early = await a.store.appointments.claimReminders(at('2027-03-20T00:00:00Z'), at('2027-03-21T00:00:00Z'))
    expect(early).toEqual([])
    const due = await a.store.appointments.claimReminders(at('2027-03-21T09:00:00Z'), at('2027-03-22T09:00:00Z'))
    expect(due.map((x) => x.id)).toEqual([booked.id])
    expect(await a.store.appointments.claimReminders(at('2027-03-21T09:00:00Z'), at('2027-03-22T09:00:00Z'))).toEqual([])
    expect(await a.store.appointments.markMissedLetters([booked.id], at('2027-03-23T00:00:00Z'))).toEqual([booked.id])
    expect(await a.store.appointments.markMissedLetters([booked.id], at('2027-03-24T00:00:00Z'))).toEqual([])
  })

  it('keeps the home consultant per membership of its own organisation', async () => {
    const a = await s.club()
    const b = await s.club()
    const { consultant } = await aCalendar(a.store)
    const member = await s.member(a.store, 1)
    expect(await a.store.calendar.homeConsultant(member.id)).toBeUndefined()
    await a.store.calendar.setHomeConsultant(member.id, { consultantId: consultant.id, locationId: null })
    expect(await a.store.calendar.homeConsultant(member.id)).toEqual({ consultantId: consultant.id, locationId: null })
    expect(await b.store.calendar.homeConsultant(member.id)).toBeUndefined()
  })
})
