import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClub } from '../fixtures'
import { aConsultationOffice, aMember } from '../appointment-fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`online booking for club websites (${engine.name})`, () => {
    let now = new Date('2027-03-19T08:00:00Z')
    const server = useServer(engine, { clock: { now: () => now } })
    let club: Awaited<ReturnType<typeof aClub>>
    let office: Awaited<ReturnType<typeof aConsultationOffice>>
    let member: Awaited<ReturnType<typeof aMember>>
    const origin = 'https://tsv-test.example'
    const staff = async (method: string, path: string, body?: unknown) => {
      const r = await server.call(method, `/organisations/${club.organisation.id}${path}`, { apiKey: club.apiKey, body })
      if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
      return r.json
    }
    const site = (method: string, path: string, body?: unknown) =>
      server.call(method, `/public/organisations/${club.organisation.id}${path}`, { origin, body })
    const identity = () => ({ membershipNumber: member.number, dateOfBirth: '1980-05-17' })

    beforeAll(async () => {
      club = await aClub(server.storage)
      office = await aConsultationOffice(staff)
      member = await aMember(staff)
      await staff('PATCH', '/settings', {
        onlineDaysAhead: 21,
        onlineCancellationHours: 24,
        appointmentPageUrl: 'https://tsv-test.example/termine',
      })
      await staff('POST', '/appointment-blocks', { kind: 'period', consultantId: office.anna.id, from: '2027-03-22', to: '2027-04-30' })
    })

    it('the form offers only online types and the limits', async () => {
      const form = (await site('GET', '/appointment-booking')).json
      expect(form).toMatchObject({
        types: [{ id: office.inPerson.id, name: 'persönlich' }],
        slotsNeedMember: false,
        daysAhead: 21,
        maxOpenBookings: 1,
        cancellationHours: 24,
      })
      expect(form.locations[0]).toMatchObject({
        name: 'Geschäftsstelle',
        address: 'Hauptstraße 1, 10115 Berlin',
        timeZone: 'Europe/Berlin',
      })
    })

    it('online slots: online-bookable blocks of the type within OnlineTermineVoraus; staff-only blocks never show', async () => {
      const slots = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json.items
      expect(new Set(slots.map((s: { date: string }) => s.date))).toEqual(new Set(['2027-03-22', '2027-04-05']))
      expect(slots[0]).toMatchObject({
        time: '09:00',
        consultantId: office.anna.id,
        consultantName: 'Berger, Anna',
        startsAt: '2027-03-22T08:00:00.000Z',
      })
      const annas = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id, consultantId: office.anna.id })).json.items
      expect(annas).toEqual(slots)
      expect((await site('POST', '/appointment-slots', { typeId: office.inPerson.id, consultantId: office.lars.id })).json.items).toEqual(
        [],
      )
      expect((await site('POST', '/appointment-slots', { typeId: office.phone.id })).json).toMatchObject({
        status: 404,
        code: 'CONSULTATION_TYPE_NOT_FOUND',
      })
    })

    it('a member books with number and date of birth; the slot disappears; a second open booking is refused', async () => {
      const [slot] = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json.items
      const wrong = await site('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        typeId: office.inPerson.id,
        member: { ...identity(), dateOfBirth: '1980-05-18' },
      })
      expect(wrong.json).toMatchObject({ status: 422, code: 'MEMBER_NOT_IDENTIFIED' })
      const booked = await site('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        typeId: office.inPerson.id,
        member: identity(),
        note: 'Frage zur Abrechnung',
      })
      expect(booked.status).toBe(201)
      expect(booked.json).toMatchObject({
        date: '2027-03-22',
        time: '09:00',
        consultantName: 'Berger, Anna',
        typeName: 'persönlich',
        confirmationQueued: true,
        cancellableUntil: '2027-03-21T08:00:00.000Z',
      })
      expect(booked.json.ics).toContain('DTSTART:20270322T080000Z')
      const after = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json.items
      expect(after[0].time).toBe('09:30')
      const second = await site('POST', '/appointments', {
        slot: { blockId: after[0].blockId, startsAt: after[0].startsAt },
        typeId: office.inPerson.id,
        member: identity(),
      })
      expect(second.json).toMatchObject({ status: 409, code: 'ONLINE_BOOKING_LIMIT' })
      const staffView = await staff('GET', `/appointments/${booked.json.appointmentId}`)
      expect(staffView).toMatchObject({ bookedVia: 'online', membershipNumber: member.number, note: 'Frage zur Abrechnung' })
      const mail = (await staff('GET', '/mail-deliveries')).items.find((d: { subject: string | null }) =>
        d.subject?.startsWith('Ihr Termin am 22.03.2027'),
      )
      expect(mail).toMatchObject({ recipient: 'erika@example.org', status: 'queued' })
    })

    it('cancelling through the link: shows the booking, cancels once, refuses a wrong token and a late cancellation', async () => {
      const [slot] = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json.items
      const mine = (await staff('GET', `/appointments?personId=${member.personId}`)).items[0]
      expect(mine).toBeDefined()
      // The member's link from the receipt of the first booking: book again after cancelling it.
      const list = await staff('GET', `/appointments?personId=${member.personId}`)
      expect(list.items).toHaveLength(1)
      await staff('DELETE', `/appointments/${mine.id}`)
      const booked = (
        await site('POST', '/appointments', {
          slot: { blockId: slot.blockId, startsAt: slot.startsAt },
          typeId: office.inPerson.id,
          member: identity(),
        })
      ).json
      const link = `/appointments/${booked.appointmentId}`
      expect((await site('GET', `${link}?token=nope`)).json).toMatchObject({ status: 404, code: 'CANCELLATION_LINK_INVALID' })
      expect((await site('GET', `${link}?token=${booked.cancellationToken}`)).json).toMatchObject({
        appointmentId: booked.appointmentId,
        cancelledAt: null,
      })
      now = new Date(new Date(booked.startsAt).getTime() - 23 * 3_600_000)
      expect((await site('POST', `${link}/cancellation`, { token: booked.cancellationToken })).json).toMatchObject({
        status: 409,
        code: 'CANCELLATION_TOO_LATE',
      })
      now = new Date('2027-03-19T08:00:00Z')
      const cancelled = await site('POST', `${link}/cancellation`, { token: booked.cancellationToken })
      expect(cancelled.json.cancelledAt).toBe('2027-03-19T08:00:00.000Z')
      expect((await site('POST', `${link}/cancellation`, { token: booked.cancellationToken })).json).toMatchObject({
        code: 'APPOINTMENT_CANCELLED',
      })
      expect((await staff('GET', `/appointments/${booked.appointmentId}`)).cancelledBy).toBe('member')
      const notices = (await staff('GET', '/mail-deliveries')).items.filter((d: { subject: string | null }) =>
        d.subject?.startsWith('Abgesagt:'),
      )
      // One for the first booking, cancelled by staff above, one for this one, cancelled by the member.
      expect(notices.map((d: { subject: string }) => d.subject.slice(-9)).sort()).toEqual(['09:00 Uhr', '09:30 Uhr'])
    })

    it('a slot outside the window or of another type is refused, even when its block is online bookable', async () => {
      await staff('POST', '/appointment-blocks', {
        kind: 'day',
        consultantIds: [office.lars.id],
        date: '2027-04-29',
        from: '10:00',
        to: '11:00',
        typeId: office.inPerson.id,
        onlineBookable: true,
      })
      const far = (await staff('GET', '/free-slots?fromDate=2027-04-29&toDate=2027-04-29')).items[0]
      const r = await site('POST', '/appointments', {
        slot: { blockId: far.blockId, startsAt: far.startsAt },
        typeId: office.inPerson.id,
        member: identity(),
      })
      expect(r.json).toMatchObject({ status: 422, code: 'OUTSIDE_BOOKING_WINDOW' })
    })

    it('with OnlineTermineBerater = home the member must identify first and sees only the home consultant', async () => {
      await staff('PATCH', '/settings', { onlineConsultants: 'home' })
      expect((await site('GET', '/appointment-booking')).json.slotsNeedMember).toBe(true)
      expect((await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json).toMatchObject({
        code: 'MEMBER_NOT_IDENTIFIED',
      })
      await staff('POST', '/appointment-blocks', {
        kind: 'day',
        consultantIds: [office.lars.id],
        date: '2027-03-25',
        from: '10:00',
        to: '12:00',
        typeId: office.inPerson.id,
        onlineBookable: true,
      })
      await staff('PUT', `/memberships/${member.membershipId}/home-consultant`, { consultantId: office.lars.id, locationId: null })
      const slots = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id, member: identity() })).json.items
      expect(slots.length).toBeGreaterThan(0)
      expect(new Set(slots.map((s: { consultantName: string }) => s.consultantName))).toEqual(new Set(['Svensson, Lars']))
      await staff('PATCH', '/settings', { onlineConsultants: 'all' })
    })

    it('refuses a website that is not one of the club origins', async () => {
      const r = await server.call('GET', `/public/organisations/${club.organisation.id}/appointment-booking`, {
        origin: 'https://evil.example',
      })
      expect(r.json).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' })
    })

    it('OnlineFreieTermine caps the list, not the booking: a slot beyond the first page is booked; toDate ends the list', async () => {
      await staff('PATCH', '/settings', { onlineMaxSlots: 2 })
      try {
        const listed = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json.items
        expect(listed).toHaveLength(2)
        const all = (await staff('GET', `/free-slots?fromDate=${listed[0].date}&toDate=${listed[0].date}`)).items
        const later = all.find((s: { startsAt: string }) => !listed.some((l: { startsAt: string }) => l.startsAt === s.startsAt))
        const guest = await aMember(staff, { firstName: 'Paula', lastName: 'Später', email: 'paula@example.org' })
        const booked = await site('POST', '/appointments', {
          slot: { blockId: later.blockId, startsAt: later.startsAt },
          typeId: office.inPerson.id,
          member: { membershipNumber: guest.number, dateOfBirth: '1980-05-17' },
        })
        expect(booked.status, booked.text).toBe(201)
        const week = (
          await site('POST', '/appointment-slots', { typeId: office.inPerson.id, fromDate: '2027-04-05', toDate: '2027-04-05' })
        ).json.items
        expect(week.length).toBeGreaterThan(0)
        expect(week.every((s: { date: string }) => s.date === '2027-04-05')).toBe(true)
      } finally {
        await staff('PATCH', '/settings', { onlineMaxSlots: 60 })
      }
    })

    it('a membership with Sperre Online-Termine cannot search or book online; staff still book for it', async () => {
      const blocked = await aMember(staff, { firstName: 'Gesperrt', lastName: 'Online', email: 'gesperrt@example.org' })
      await staff('PATCH', `/memberships/${blocked.membershipId}`, { onlineAppointmentsBlocked: true })
      expect((await staff('GET', `/memberships/${blocked.membershipId}`)).onlineAppointmentsBlocked).toBe(true)
      const member = { membershipNumber: blocked.number, dateOfBirth: '1980-05-17' }
      const [slot] = (await site('POST', '/appointment-slots', { typeId: office.inPerson.id })).json.items
      const refused = await site('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        typeId: office.inPerson.id,
        member,
      })
      expect(refused.json).toMatchObject({ status: 403, code: 'ONLINE_BOOKING_BLOCKED' })
      expect((await site('POST', '/appointment-slots', { typeId: office.inPerson.id, member })).json).toMatchObject({
        code: 'ONLINE_BOOKING_BLOCKED',
      })
      const byStaff = await staff('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: blocked.personId,
        membershipId: blocked.membershipId,
      })
      expect(byStaff).toMatchObject({ bookedVia: 'staff', membershipNumber: blocked.number })
    })

    it('browsing free slots counts against the lookup limit (120 in 10 minutes), apart from the submission limit', async () => {
      const from = { origin, clientAddress: '198.51.100.23' }
      const path = `/public/organisations/${club.organisation.id}`
      const lookups = []
      for (let i = 0; i < 121; i++)
        lookups.push(await server.call('POST', `${path}/appointment-slots`, { ...from, body: { typeId: office.inPerson.id } }))
      expect(lookups.slice(0, 120).every((r) => r.status === 200)).toBe(true)
      expect(lookups[120]).toMatchObject({ status: 429, json: { code: 'RATE_LIMITED' } })
      expect(Number(lookups[120]!.headers.get('retry-after'))).toBeGreaterThan(0)
      // Submissions from the same address still have their own ten.
      const slot = lookups[0]!.json.items[0]
      const attempt = await server.call('POST', `${path}/appointments`, {
        ...from,
        body: {
          slot: { blockId: slot.blockId, startsAt: slot.startsAt },
          typeId: office.inPerson.id,
          member: { ...identity(), dateOfBirth: '1999-01-01' },
        },
      })
      expect(attempt.json).toMatchObject({ code: 'MEMBER_NOT_IDENTIFIED' })
    })

    it('a wrong date of birth in the slot search counts against the submission limit, like a booking', async () => {
      const from = { origin, clientAddress: '198.51.100.99' }
      const path = `/public/organisations/${club.organisation.id}/appointment-slots`
      const guess = (day: number) =>
        server.call('POST', path, {
          ...from,
          body: {
            typeId: office.inPerson.id,
            member: { membershipNumber: member.number, dateOfBirth: `1980-01-${String(day).padStart(2, '0')}` },
          },
        })
      const answers = []
      for (let day = 1; day <= 11; day++) answers.push(await guess(day))
      expect(answers.slice(0, 10).every((r) => r.json.code === 'MEMBER_NOT_IDENTIFIED')).toBe(true)
      expect(answers[10]).toMatchObject({ status: 429, json: { code: 'RATE_LIMITED' } })
      // Until the window ends the address gets nothing, a correct date of birth included: the guess stays unconfirmed.
      const right = await server.call('POST', path, { ...from, body: { typeId: office.inPerson.id, member: identity() } })
      expect(right.status).toBe(429)
    })
  })
}
