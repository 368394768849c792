import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClub } from '../fixtures'
import { aConsultationOffice, aMember } from '../appointment-fixtures'
import { pdfText } from '../pdf-text'
import { runFrequentJobs } from '../../src/jobs/frequent-jobs'
import { capabilities } from '../../src/capabilities'
import { useServer } from './harness'
import { startSmtpSink } from '../smtp-sink'
import { deliverQueuedMail } from '../../src/capabilities/correspondence/deliver-mail'

for (const engine of engines()) {
  describe(`appointments: calendars, free slots, booking (${engine.name})`, () => {
    let now = new Date('2027-03-19T08:00:00Z') // a Friday; the week after next has the change to summer time
    const clock = { now: () => now }
    const server = useServer(engine, { clock })
    let club: Awaited<ReturnType<typeof aClub>>
    let office: Awaited<ReturnType<typeof aConsultationOffice>>
    const call = (method: string, path: string, body?: unknown) =>
      server.call(method, `/organisations/${club.organisation.id}${path}`, { apiKey: club.apiKey, body })
    const ok = async (method: string, path: string, body?: unknown) => {
      const r = await call(method, path, body)
      if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
      return r.json
    }
    const slotsOn = async (date: string, extra = '') => (await ok('GET', `/free-slots?fromDate=${date}&toDate=${date}${extra}`)).items
    let member: Awaited<ReturnType<typeof aMember>>
    let contact: string

    beforeAll(async () => {
      club = await aClub(server.storage)
      office = await aConsultationOffice(ok)
      member = await aMember(ok)
      contact = (
        await ok('POST', '/persons', {
          person: {
            firstName: 'Nils',
            lastName: 'Gast',
            postalAddress: { street: 'A 1', postcode: '10115', city: 'Berlin', country: 'DE' },
          },
          ignoreDuplicates: true,
        })
      ).id
    })

    it('catalogues: a change keeps the fields not sent; a used name is refused', async () => {
      const changed = await ok('PATCH', `/consultants/${office.lars.id}`, { shortName: 'LS' })
      expect(changed).toMatchObject({ shortName: 'LS', defaultDurationMinutes: 60, topicIds: [office.topic.id], active: true })
      expect((await call('POST', '/consultants', { name: 'berger, anna' })).json).toMatchObject({ code: 'DUPLICATE_NAME' })
      expect(
        (await call('POST', '/consultants', { name: 'X', defaultLocationId: '00000000-0000-4000-8000-000000000000' })).json,
      ).toMatchObject({ code: 'LOCATION_NOT_FOUND' })
      expect((await call('POST', '/consultation-locations', { name: 'Y', timeZone: 'Mars/Olympus' })).status).toBe(422)
    })

    it('templates: one default per consultant; duplicating gives "Kopie von …", inactive, not default', async () => {
      const second = await call('POST', '/calendar-templates', {
        ...office.template,
        id: undefined,
        consultantName: undefined,
        name: 'Zweite',
        isDefault: true,
      })
      expect(second.json).toMatchObject({ status: 409, code: 'DEFAULT_TEMPLATE_EXISTS' })
      const copy = await ok('POST', `/calendar-templates/${office.template.id}/duplicate`)
      expect(copy).toMatchObject({
        name: 'Kopie von Sprechstunde',
        active: false,
        isDefault: false,
        consultantName: 'Berger, Anna',
        pattern: office.template.pattern,
      })
      expect(
        (await ok('GET', `/calendar-templates?consultantId=${office.anna.id}&activeOnly=true`)).items.map((t: { name: string }) => t.name),
      ).toEqual(['Sprechstunde'])
    })

    it('generation over the change to summer time: preview, save, and saving again creates nothing', async () => {
      const request = { kind: 'period', consultantId: office.anna.id, from: '2027-03-22', to: '2027-04-11' }
      const preview = await ok('POST', '/appointment-blocks/preview', request)
      expect(preview.blocks.map((b: { date: string; from: string; startsAt: string }) => [b.date, b.from, b.startsAt])).toEqual([
        ['2027-03-22', '09:00', '2027-03-22T08:00:00.000Z'],
        ['2027-03-30', '14:00', '2027-03-30T12:00:00.000Z'],
        ['2027-04-05', '09:00', '2027-04-05T07:00:00.000Z'],
      ])
      expect(preview.blocks.every((b: { id: string | null }) => b.id === null)).toBe(true)
      expect((await ok('GET', '/appointment-blocks?fromDate=2027-03-22&toDate=2027-04-11')).items).toHaveLength(0)
      const saved = await ok('POST', '/appointment-blocks', request)
      expect(saved.blocks).toHaveLength(3)
      expect(saved.blocks.every((b: { id: string | null }) => b.id !== null)).toBe(true)
      const again = await ok('POST', '/appointment-blocks', request)
      expect([again.blocks.length, again.skipped.length]).toEqual([0, 3])
    })

    it('an inactive template is not used for preparing until it is activated', async () => {
      const copy = (await ok('GET', `/calendar-templates?consultantId=${office.anna.id}`)).items.find((t: { name: string }) =>
        t.name.startsWith('Kopie'),
      )
      const request = { kind: 'period', consultantId: office.anna.id, templateId: copy.id, from: '2027-06-07', to: '2027-06-13' }
      const refused = await call('POST', '/appointment-blocks/preview', request)
      expect(refused.json).toMatchObject({ status: 404, code: 'CALENDAR_TEMPLATE_NOT_FOUND' })
      expect(refused.json.detail).toContain('inactive')
      await ok('PATCH', `/calendar-templates/${copy.id}`, { active: true })
      expect((await ok('POST', '/appointment-blocks/preview', request)).blocks.length).toBeGreaterThan(0)
      await ok('PATCH', `/calendar-templates/${copy.id}`, { active: false })
    })

    it('a consultant without a default duration is refused with its own code', async () => {
      const noDuration = await ok('POST', '/consultants', { name: 'Neu, Nina' })
      const r = await call('POST', '/appointment-blocks', {
        kind: 'day',
        consultantIds: [office.lars.id, noDuration.id],
        date: '2027-03-23',
        from: '10:00',
        to: '12:00',
      })
      expect(r.json).toMatchObject({ status: 422, code: 'CONSULTANT_WITHOUT_DURATION' })
      expect(
        (await call('POST', '/appointment-blocks', { kind: 'period', consultantId: office.lars.id, from: '2027-03-22', to: '2027-03-28' }))
          .json,
      ).toMatchObject({ code: 'CALENDAR_TEMPLATE_NOT_FOUND' })
    })

    it('single-day generation for several consultants; online blocks without a type are counted', async () => {
      const r = await ok('POST', '/appointment-blocks', {
        kind: 'day',
        consultantIds: [office.lars.id, office.anna.id],
        date: '2027-03-24',
        from: '10:00',
        to: '12:00',
        onlineBookable: true,
      })
      expect(r.blocks.map((b: { consultantId: string; slotMinutes: number }) => [b.consultantId, b.slotMinutes])).toEqual([
        [office.lars.id, 60],
        [office.anna.id, 30],
      ])
      expect(r.onlineWithoutType).toBe(2)
    })

    it('free slots are the blocks minus appointments; a booked slot disappears; the same slot twice is refused', async () => {
      const before = await slotsOn('2027-03-22')
      expect(before.map((s: { time: string }) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'])
      const booked = await ok('POST', '/appointments', {
        slot: { blockId: before[1].blockId, startsAt: before[1].startsAt },
        personId: contact,
        note: 'Nebenkosten 2026',
      })
      expect(booked).toMatchObject({
        personName: 'Nils Gast',
        time: '09:30',
        date: '2027-03-22',
        typeName: 'persönlich',
        membershipNumber: null,
        bookedVia: 'staff',
      })
      expect((await slotsOn('2027-03-22')).map((s: { time: string }) => s.time)).toEqual(['09:00', '10:00', '10:30', '11:00', '11:30'])
      const twice = await call('POST', '/appointments', {
        slot: { blockId: before[1].blockId, startsAt: before[1].startsAt },
        personId: member.personId,
      })
      expect(twice.json).toMatchObject({ status: 409, code: 'SLOT_NOT_AVAILABLE' })
      const offGrid = await call('POST', '/appointments', {
        slot: { blockId: before[1].blockId, startsAt: '2027-03-22T08:10:00Z' },
        personId: member.personId,
      })
      expect(offGrid.json).toMatchObject({ code: 'SLOT_NOT_AVAILABLE' })
      // The booked person is now connected to the organisation through the appointment.
      expect((await ok('GET', `/appointments?personId=${contact}`)).items).toHaveLength(1)
      // The time of day filters before the limit: one appointment after 09:15 on that day, found with limit 1.
      const late = await ok('GET', '/appointments?fromDate=2027-03-22&toDate=2027-03-22&fromTime=09:15&limit=1')
      expect(late.items.map((x: { time: string }) => x.time)).toEqual(['09:30'])
    })

    it('two concurrent bookings of one slot: exactly one succeeds', async () => {
      const [slot] = await slotsOn('2027-04-05')
      const others = await Promise.all(
        ['A', 'B', 'C', 'D'].map((n) =>
          ok('POST', '/persons', {
            person: {
              firstName: n,
              lastName: 'Parallel',
              postalAddress: { street: 'A 1', postcode: '10115', city: 'Berlin', country: 'DE' },
            },
            ignoreDuplicates: true,
          }),
        ),
      )
      const results = await Promise.all(
        others.map((p) => call('POST', '/appointments', { slot: { blockId: slot.blockId, startsAt: slot.startsAt }, personId: p.id })),
      )
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409])
      expect((await ok('GET', '/appointments?fromDate=2027-04-05&toDate=2027-04-05')).items).toHaveLength(1)
    })

    it('only title, type, topic and note change; the note holds 500 characters', async () => {
      const [a] = (await ok('GET', `/appointments?personId=${contact}`)).items
      const changed = await ok('PATCH', `/appointments/${a.id}`, {
        title: 'Betriebskosten',
        topicId: office.topic.id,
        note: 'x'.repeat(500),
      })
      expect(changed).toMatchObject({ title: 'Betriebskosten', topicId: office.topic.id, time: '09:30' })
      expect((await call('PATCH', `/appointments/${a.id}`, { note: 'x'.repeat(501) })).status).toBe(422)
      expect((await call('PATCH', `/appointments/${a.id}`, { startsAt: '2027-03-22T09:00:00Z' })).status).toBe(422)
    })

    it('rescheduling keeps the appointment and frees its old slot', async () => {
      const [a] = (await ok('GET', `/appointments?personId=${contact}`)).items
      const target = (await slotsOn('2027-03-22')).find((s: { time: string }) => s.time === '11:30')
      const moved = await ok('POST', `/appointments/${a.id}/reschedule`, { slot: { blockId: target.blockId, startsAt: target.startsAt } })
      expect(moved).toMatchObject({ id: a.id, time: '11:30', typeName: 'persönlich', title: 'Betriebskosten' })
      expect((await slotsOn('2027-03-22')).map((s: { time: string }) => s.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00'])
    })

    it('the home consultant pre-filters the free-slot search of a membership', async () => {
      await ok('PUT', `/memberships/${member.membershipId}/home-consultant`, { consultantId: office.lars.id, locationId: null })
      const slots = await ok('GET', `/free-slots?fromDate=2027-03-24&toDate=2027-03-24&membershipId=${member.membershipId}`)
      expect(new Set(slots.items.map((s: { consultantName: string }) => s.consultantName))).toEqual(new Set(['Svensson, Lars']))
      // The day presets of the search (handbook: Member record → Appointments, rescheduling): Wednesdays only.
      const wednesdays = (await ok('GET', '/free-slots?fromDate=2027-03-22&toDate=2027-03-28&weekdays=3')).items
      expect(wednesdays.length).toBeGreaterThan(0)
      expect(new Set(wednesdays.map((x: { date: string }) => x.date))).toEqual(new Set(['2027-03-24']))
      expect((await call('GET', '/free-slots?weekdays=8')).json).toMatchObject({ status: 422, errors: [{ path: 'weekdays' }] })
      const byTopic = await ok('GET', `/free-slots?fromDate=2027-03-22&toDate=2027-03-24&topicId=${office.topic.id}`)
      expect(new Set(byTopic.items.map((s: { consultantName: string }) => s.consultantName))).toEqual(
        new Set(['Svensson, Lars', 'Berger, Anna']),
      )
      await ok('PUT', `/memberships/${member.membershipId}/home-consultant`, { consultantId: null, locationId: null })
    })

    it('a consultant change moves appointments and warns that the old blocks are free again', async () => {
      const slot = (await slotsOn('2027-03-24')).find(
        (s: { consultantName: string; time: string }) => s.consultantName === 'Berger, Anna' && s.time === '10:00',
      )
      const a = await ok('POST', '/appointments', { slot: { blockId: slot.blockId, startsAt: slot.startsAt }, personId: contact })
      const change = await ok('POST', '/appointment-consultant-changes', { appointmentIds: [a.id], consultantId: office.lars.id })
      expect(change.items[0]).toMatchObject({ consultantName: 'Svensson, Lars', time: '10:00' })
      expect(change.freedBlocks).toBe(1)
      expect(change.warning).toMatch(/delete those blocks/)
      const annas = (await slotsOn('2027-03-24')).filter((s: { consultantName: string }) => s.consultantName === 'Berger, Anna')
      expect(annas.map((s: { time: string }) => s.time)).toContain('10:00')
      expect(
        (await slotsOn('2027-03-24')).some(
          (s: { consultantName: string; time: string }) => s.consultantName === 'Svensson, Lars' && s.time === '10:00',
        ),
      ).toBe(false)
    })

    it('deleting blocks reports conflicts and never deletes appointments', async () => {
      const request = { consultantIds: [office.lars.id], fromDate: '2027-03-24', toDate: '2027-03-24' }
      const check = await ok('POST', '/appointment-blocks/deletion-check', request)
      expect(check.consultants).toEqual([{ consultantId: office.lars.id, consultantName: 'Svensson, Lars', blocks: 1, conflicts: 1 }])
      expect(check.conflictingAppointmentIds).toHaveLength(1)
      const deleted = await ok('POST', '/appointment-blocks/deletion', request)
      expect(deleted.deleted).toBe(1)
      expect((await ok('GET', `/appointments/${check.conflictingAppointmentIds[0]}`)).consultantName).toBe('Svensson, Lars')
      expect((await slotsOn('2027-03-24')).some((s: { consultantName: string }) => s.consultantName === 'Svensson, Lars')).toBe(false)
    })

    it('cancelling frees the slot and keeps the appointment as cancelled; the attended flag is set once', async () => {
      const [slot] = await slotsOn('2027-03-22')
      const a = await ok('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: member.personId,
        membershipId: member.membershipId,
      })
      expect(a.membershipNumber).toBe(member.number)
      const cancelled = await ok('DELETE', `/appointments/${a.id}`)
      expect(cancelled).toMatchObject({ cancelledBy: 'staff' })
      expect((await slotsOn('2027-03-22'))[0].time).toBe('09:00')
      expect((await call('POST', `/appointments/${a.id}/attended`)).json).toMatchObject({ code: 'APPOINTMENT_CANCELLED' })
      expect(
        (await ok('GET', '/appointments?fromDate=2027-03-22&toDate=2027-03-22&includeCancelled=true')).items.some(
          (x: { id: string }) => x.id === a.id,
        ),
      ).toBe(true)
    })

    it('a confirmation needs the type template and an e-mail address', async () => {
      const [slot] = await slotsOn('2027-03-22')
      const r = await call('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: contact,
        sendConfirmation: true,
      })
      expect(r.json).toMatchObject({ status: 422, code: 'CONFIRMATION_NOT_AVAILABLE' })
      const sent = await ok('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: member.personId,
        membershipId: member.membershipId,
        sendConfirmation: true,
      })
      expect(sent.confirmationQueued).toBe(true)
      const mails = (await ok('GET', '/mail-deliveries')).items.filter((d: { subject: string | null }) =>
        d.subject?.startsWith('Ihr Termin am 22.03.2027 um 09:00'),
      )
      expect(mails).toHaveLength(1)
      await ok('DELETE', `/appointments/${sent.id}`)
      // A second cancellation is refused; the first one's notice goes out once.
      expect((await call('DELETE', `/appointments/${sent.id}`)).json).toMatchObject({ status: 409, code: 'APPOINTMENT_CANCELLED' })
      const notices = (await ok('GET', '/mail-deliveries')).items.filter((d: { subject: string | null }) =>
        d.subject?.startsWith('Abgesagt: Ihr Beratungstermin am 22.03.2027 um 09:00'),
      )
      expect(notices).toMatchObject([{ recipient: 'erika@example.org', status: 'queued' }])
    })

    it('missed appointments: listed after they end without the attended flag, one letter each, never twice', async () => {
      const [slot] = await slotsOn('2027-03-22')
      const a = await ok('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: member.personId,
        membershipId: member.membershipId,
      })
      const attendedSlot = (await slotsOn('2027-03-22'))[0]
      const b = await ok('POST', '/appointments', {
        slot: { blockId: attendedSlot.blockId, startsAt: attendedSlot.startsAt },
        personId: contact,
      })
      expect((await ok('GET', '/missed-appointments?fromDate=2027-03-22&toDate=2027-03-22')).items).toHaveLength(0)
      now = new Date('2027-03-22T12:00:00Z')
      await ok('POST', `/appointments/${b.id}/attended`)
      const missed = (await ok('GET', '/missed-appointments?fromDate=2027-03-22&toDate=2027-03-22')).items.map((x: { id: string }) => x.id)
      expect(missed).toContain(a.id)
      expect(missed).not.toContain(b.id)
      const letters = await ok('POST', '/missed-appointments/letters', { appointmentIds: [a.id, b.id] })
      expect(letters).toMatchObject({ letters: 1, emails: 0, skipped: [{ appointmentId: b.id, reason: 'not-missed' }] })
      expect((await ok('POST', '/missed-appointments/letters', { appointmentIds: [a.id] })).skipped).toEqual([
        { appointmentId: a.id, reason: 'already-written' },
      ])
      const queue = await ok('GET', '/print-queue')
      const letter = queue.items.find((d: { kind: string }) => d.kind === 'appointment')
      const text = (await pdfText((await call('GET', `/documents/${letter.id}/content.pdf`)).bytes)).join(' ')
      expect(text).toContain('22.03.2027')
      expect(text).toContain('Berger, Anna')
      now = new Date('2027-03-19T08:00:00Z')
    })

    it('missed letters: nothing is marked while the template is switched off or without a membership; by e-mail with TerminMail*', async () => {
      const mailer = await aMember(ok, { firstName: 'Mara', lastName: 'Mail', email: 'mara@example.org' })
      await ok('PATCH', `/memberships/${mailer.membershipId}`, { preferredChannel: 'email' })
      await ok('PATCH', '/settings', {
        missedAppointmentMailFrom: 'termine@verein.example',
        missedAppointmentMailSubject: 'Ihr versäumter Termin',
        missedAppointmentMailBody: 'Sie haben einen Termin versäumt.',
      })
      const book = async (personId: string, membershipId?: string) => {
        const [slot] = await slotsOn('2027-04-05')
        return ok('POST', '/appointments', { slot: { blockId: slot.blockId, startsAt: slot.startsAt }, personId, membershipId })
      }
      const byMail = await book(mailer.personId, mailer.membershipId)
      const guest = await book(contact)
      now = new Date('2027-04-05T12:00:00Z')
      try {
        const off = await ok('POST', '/letter-templates', {
          name: 'Versäumter Termin',
          kind: 'appointment',
          subject: 'Versäumter Termin',
          blocks: [{ type: 'paragraph', text: 'Sie haben Ihren Termin am {{appointment.date}} versäumt.' }],
          valid: false,
          isDefault: true,
        })
        const ids = { appointmentIds: [byMail.id, guest.id] }
        expect((await ok('POST', '/missed-appointments/letters', ids)).skipped).toEqual([
          { appointmentId: guest.id, reason: 'no-membership' },
          { appointmentId: byMail.id, reason: 'template-off' },
        ])
        await ok('PUT', `/letter-templates/${off.id}`, { ...off, id: undefined, valid: true })
        const written = await ok('POST', '/missed-appointments/letters', ids)
        expect(written).toMatchObject({ letters: 0, emails: 1, skipped: [{ appointmentId: guest.id, reason: 'no-membership' }] })
        const mail = (await ok('GET', '/mail-deliveries')).items.find((d: { recipient: string }) => d.recipient === 'mara@example.org')
        expect(mail).toMatchObject({ status: 'queued' })
        const sink = await startSmtpSink()
        try {
          await deliverQueuedMail(server.storage, { smtp: sink.smtp, from: 'noreply@vereinskit.example' }, clock)
          const sent = sink.received.find((m) => JSON.stringify(m.to).includes('mara@example.org'))!
          expect([sent.subject, sent.text?.trim(), JSON.stringify(sent.from)]).toEqual([
            'Ihr versäumter Termin',
            'Sie haben einen Termin versäumt.',
            expect.stringContaining('termine@verein.example'),
          ])
          expect(sent.attachments.map((x) => x.contentType)).toEqual(['application/pdf'])
        } finally {
          await sink.close()
        }
      } finally {
        now = new Date('2027-03-19T08:00:00Z')
      }
    })

    it('prints the list by consultant and by location, and routing slips with the person data', async () => {
      const byConsultant = (
        await pdfText((await call('GET', '/appointment-list.pdf?groupBy=consultant&fromDate=2027-03-22&toDate=2027-03-24')).bytes)
      ).join(' ')
      expect(byConsultant).toContain('Termine nach Berater')
      expect(byConsultant).toContain('Svensson, Lars')
      expect(byConsultant).toContain('Erika Mustermann')
      const byLocation = (
        await pdfText((await call('GET', '/appointment-list.pdf?groupBy=location&fromDate=2027-03-22&toDate=2027-03-24')).bytes)
      ).join(' ')
      expect(byLocation).toContain('Geschäftsstelle')
      const [a] = (await ok('GET', `/appointments?personId=${member.personId}`)).items
      const slip = (await pdfText((await call('GET', `/appointments/${a.id}/routing-slip.pdf`)).bytes)).join(' ')
      expect(slip).toContain('Laufzettel')
      expect(slip).toContain('Lindenweg 2')
      expect(slip).toContain('17.05.1980')
      const day = await pdfText((await call('GET', '/routing-slips.pdf?date=2027-03-22')).bytes)
      expect(day.length).toBeGreaterThanOrEqual(2)
    })

    it('reminders are queued once per appointment, however often the job runs', async () => {
      const [slot] = await slotsOn('2027-03-22')
      await ok('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: member.personId,
        membershipId: member.membershipId,
      })
      const reminders = async () =>
        (await ok('GET', '/mail-deliveries')).items.filter((d: { subject: string | null }) => d.subject?.startsWith('Erinnerung'))
      const jobs = capabilities.flatMap((c) => c.frequentJobs ?? [])
      await runFrequentJobs(server.storage, clock, jobs)
      expect(await reminders()).toHaveLength(0) // more than 24 hours ahead
      now = new Date('2027-03-21T12:00:00Z')
      await Promise.all([runFrequentJobs(server.storage, clock, jobs), runFrequentJobs(server.storage, clock, jobs)])
      await runFrequentJobs(server.storage, clock, jobs)
      // Erika has two open appointments on the 22nd (the missed one of 09:00 was not cancelled): one reminder each;
      // Nils has no e-mail address and gets none.
      const queued = await reminders()
      expect(queued).toHaveLength(2)
      expect(new Set(queued.map((d: { recipient: string }) => d.recipient))).toEqual(new Set(['erika@example.org']))
      expect(queued.every((d: { status: string }) => d.status === 'queued')).toBe(true)
      now = new Date('2027-03-19T08:00:00Z')
    })

    it('rescheduling to another location: the place moves too, mail for the old time is withdrawn, the reminder names the new one', async () => {
      const branch = await ok('POST', '/consultation-locations', {
        name: 'Zweigstelle',
        street: 'Nebenweg 5',
        postcode: '10245',
        city: 'Berlin',
      })
      await ok('POST', '/appointment-blocks', {
        kind: 'day',
        consultantIds: [office.anna.id],
        date: '2027-03-25',
        from: '14:00',
        to: '16:00',
        typeId: office.inPerson.id,
        locationId: branch.id,
      })
      const [slot] = await slotsOn('2027-03-22')
      const a = await ok('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId: member.personId,
        membershipId: member.membershipId,
        sendConfirmation: true,
      })
      const jobs = capabilities.flatMap((c) => c.frequentJobs ?? [])
      const mailsOf = async (start: string) =>
        (await ok('GET', '/mail-deliveries')).items.filter((d: { subject: string | null }) => d.subject?.includes(start))
      now = new Date('2027-03-21T12:00:00Z')
      await runFrequentJobs(server.storage, clock, jobs)
      const oldTime = `22.03.2027 um ${slot.time}`
      expect((await mailsOf(oldTime)).map((d: { status: string }) => d.status)).toEqual(['queued', 'queued']) // confirmation, reminder
      const [target] = await slotsOn('2027-03-25', `&locationId=${branch.id}`)
      const moved = await ok('POST', `/appointments/${a.id}/reschedule`, { slot: { blockId: target.blockId, startsAt: target.startsAt } })
      expect(moved).toMatchObject({ locationId: branch.id, date: '2027-03-25', time: '14:00' })
      expect((await mailsOf(oldTime)).map((d: { status: string }) => d.status)).toEqual(['cancelled', 'cancelled'])
      expect(await mailsOf('25.03.2027 um 14:00')).toMatchObject([{ status: 'queued' }]) // the new confirmation
      now = new Date('2027-03-24T15:00:00Z')
      await runFrequentJobs(server.storage, clock, jobs)
      const reminders = (await mailsOf('25.03.2027 um 14:00')).filter((d: { subject: string }) => d.subject.startsWith('Erinnerung'))
      expect(reminders).toMatchObject([{ status: 'queued', recipient: 'erika@example.org' }])
      await ok('DELETE', `/appointments/${a.id}`)
      expect(
        (await mailsOf('25.03.2027 um 14:00'))
          .filter((d: { subject: string }) => !d.subject.startsWith('Abgesagt'))
          .map((d: { status: string }) => d.status),
      ).toEqual(['cancelled', 'cancelled'])
      now = new Date('2027-03-19T08:00:00Z')
    })
  })
}
