import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { engines } from '../engines'
import { aClub, submissionFor } from '../fixtures'
import { useServer } from '../http/harness'
import { startScheduler } from '../../src/jobs/scheduler'
import { runMemberDatabaseSync } from '../../src/jobs/member-database-jobs'
import { startFakeMemberDatabase, type FakeMemberDatabase } from './fake-member-database-process'

const address = (street = 'Domplatz 1', postcode = '50667') => ({ street, postcode, city: 'Köln', country: 'DE' })
const person = (firstName: string, lastName: string, extra: object = {}) => ({ firstName, lastName, postalAddress: address(), ...extra })
const secretKey = 'test-secret-key-0123456789'
const regions = [
  { name: 'DV Köln', centralCollection: false },
  { name: 'DV Würzburg', centralCollection: false },
  { name: 'DV Münster', centralCollection: false },
  { name: 'DV Zentral', centralCollection: true },
]

for (const engine of engines()) {
  describe(`external member database: the scenarios (${engine.name})`, () => {
    let now = new Date('2026-03-02T10:00:00Z')
    const clock = { now: () => now }
    const integration = { secretKey, regions, timeoutMs: 1000 }
    const server = useServer(engine, { clock, memberDatabase: integration, onUnexpectedError: (e) => console.error(e) })
    let fake: FakeMemberDatabase
    const users = { verband: { password: 'geheim', rights: 'write' }, leser: { password: 'lesen', rights: 'read' } }
    let groups = 0

    beforeAll(async () => {
      fake = await startFakeMemberDatabase(users)
    })
    afterAll(() => fake.stop())

    async function linkedClub(region = 'DV Köln', conflictPolicy = 'newest-wins') {
      const club = await aClub(server.storage)
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${club.organisation.id}${path}`, { apiKey: club.apiKey, body })
      const staff = async (method: string, path: string, body?: unknown) => {
        const r = await call(method, path, body)
        if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
        return r.json
      }
      const group = `gruppe-${++groups}`
      await staff('PUT', '/member-database', { baseUrl: fake.url, region, username: group, password: 'geheim', conflictPolicy })
      await staff('POST', '/member-database/pull', {})
      const capture = async (p: object, extra: object = {}) =>
        (await staff('POST', '/members', { person: p, ...extra })).membership.id as string
      const status = (id: string) => staff('GET', `/member-database/members/${id}`)
      const push = () => staff('POST', '/member-database/push')
      const personOf = async (membershipId: string) => (await staff('GET', `/memberships/${membershipId}`)).person.id as string
      return { club, group, call, staff, capture, status, push, personOf, own: server.storage.forOrganisation(club.organisation.id) }
    }
    const remoteOf = async (remoteId: string) => (await fake.state()).records[remoteId]

    it.each([
      ['DV Würzburg', 'verband', 'geheim', 200, undefined],
      ['DV Münster', 'leser', 'lesen', 422, 'MEMBER_DATABASE_RIGHTS_INSUFFICIENT'],
      ['DV Trier', 'verband', 'geheim', 422, 'MEMBER_DATABASE_REGION_NOT_SUPPORTED'],
      ['DV Köln', 'verband', 'falsch', 422, 'MEMBER_DATABASE_CREDENTIALS_INVALID'],
    ])('T1.10 Prerequisites gate the link: %s as %s', async (region, username, password, status, code) => {
      const club = await aClub(server.storage)
      const r = await server.call('PUT', `/organisations/${club.organisation.id}/member-database`, {
        apiKey: club.apiKey,
        body: { baseUrl: fake.url, region, username, password },
      })
      expect(r.status).toBe(status)
      if (code) expect(r.json.code).toBe(code)
      else {
        expect(r.json).toMatchObject({ region, credentialsStored: true, pullIntervalMinutes: 10 })
        expect(r.text).not.toContain(password)
        const read = await server.call('GET', `/organisations/${club.organisation.id}/member-database`, { apiKey: club.apiKey })
        expect(read.text).not.toContain(password)
        expect(read.text).not.toContain(username)
      }
    })

    it('T1.1 Create in campflow is pushed and the status is shown', async () => {
      const { capture, status, push } = await linkedClub()
      const anna = await capture(person('Anna', 'Beispiel'))
      expect(await status(anna)).toMatchObject({ status: 'pending', remoteId: null })
      expect((await status(anna)).pendingChanges).toBeGreaterThan(0)
      await push()
      const after = await status(anna)
      expect(after).toMatchObject({ status: 'transferred', pendingChanges: 0 })
      expect(await remoteOf(after.remoteId)).toMatchObject({ vorname: 'Anna', nachname: 'Beispiel', strasse: 'Domplatz 1' })
    })

    it('T1.2 Confirming an application pushes; a pending application does not', async () => {
      const { club, staff, status, own } = await linkedClub()
      const submitted = await server.call('POST', `/public/organisations/${club.organisation.id}/applications`, {
        body: submissionFor(club, { firstName: 'Ben', lastName: 'Bewerber' }),
      })
      expect(submitted.status).toBe(201)
      expect(await own.memberDatabase.dueMemberships(now, 100)).toEqual([])
      const accepted = await staff('POST', `/applications/${submitted.json.id}/accept`, {})
      expect(await own.memberDatabase.dueMemberships(now, 100)).toEqual([accepted.membership.id])
      expect((await status(accepted.membership.id)).status).toBe('pending')
    })

    it('T1.3 "Only in campflow" members never reach MiDa and are never pulled-deleted', async () => {
      const { staff, capture, status, push, own, personOf } = await linkedClub()
      const clara = await capture(person('Clara', 'Lokal'), { memberDatabase: 'local-only' })
      const claraPerson = await personOf(clara)
      await staff('PATCH', `/persons/${claraPerson}`, { postalAddress: address('Neue Straße 5') })
      expect(await own.memberDatabase.dueMemberships(now, 100)).toEqual([])
      await push()
      await staff('POST', '/member-database/pull', { full: true })
      expect((await staff('GET', `/memberships/${clara}`)).archivedOn ?? null).toBeNull()
      await staff('POST', `/member-database/members/${clara}/removal`)
      await push()
      expect(await status(clara)).toMatchObject({ status: 'local-only', remoteId: null, pendingChanges: 0 })
      const state = await fake.state()
      expect(Object.keys(state.applied).filter((k) => k.includes(clara))).toEqual([])
      expect(JSON.stringify(state.records)).not.toContain('Clara')
    })

    it('T1.4 Edit and delete in campflow push within seconds', async () => {
      const { staff, capture, status, push, personOf } = await linkedClub()
      const dora = await capture(person('Dora', 'Dreher'))
      await push()
      const { remoteId } = await status(dora)
      const doraPerson = await personOf(dora)
      // The scheduler of a running server sends it; nothing here triggers the push.
      const scheduler = await startScheduler({
        connection: server.connection,
        storage: server.storage,
        clock,
        memberDatabase: integration,
        memberDatabaseIntervalMs: 200,
      })
      try {
        await staff('PATCH', `/persons/${doraPerson}`, { postalAddress: address('Ringstraße 9') })
        expect((await status(dora)).status).toBe('pending')
        await vi.waitFor(async () => expect((await remoteOf(remoteId))?.['strasse']).toBe('Ringstraße 9'), { timeout: 5000, interval: 100 })
        await vi.waitFor(async () => expect((await status(dora)).status).toBe('transferred'), { timeout: 5000, interval: 100 })
        await staff('POST', `/member-database/members/${dora}/removal`)
        await vi.waitFor(async () => expect(await remoteOf(remoteId)).toBeUndefined(), { timeout: 5000, interval: 100 })
      } finally {
        await scheduler.stop()
      }
      expect((await staff('GET', `/memberships/${dora}`)).archivedOn).toBe('2026-03-02')
    })

    it('T1.5 MiDa changes appear after at most 10 minutes', async () => {
      now = new Date('2026-03-02T09:50:00Z')
      const { staff, capture, status, push, own, group } = await linkedClub()
      const dora = await capture(person('Dora', 'Dreher'))
      const fritz = await capture(person('Fritz', 'Fort'))
      await push()
      now = new Date('2026-03-02T10:00:00Z')
      await staff('POST', '/member-database/pull', {})
      const doraRemote = (await status(dora)).remoteId
      const fritzRemote = (await status(fritz)).remoteId
      // 10:00:01 in the member database.
      await fake.create(group, {
        vorname: 'Emil',
        nachname: 'Neu',
        strasse: 'Weg 1',
        plz: '50999',
        ort: 'Köln',
        land: 'DE',
        mitgliedsnummer: '1500',
      })
      await fake.update(doraRemote, { plz: '50668' })
      await fake.remove(fritzRemote)
      const names = async () => (await staff('GET', '/memberships?state=active')).items.map((m: { name: string }) => m.name).sort()
      now = new Date('2026-03-02T10:09:59Z')
      await runMemberDatabaseSync(server.storage, integration, clock)
      expect(await names()).toEqual(['Dora Dreher', 'Fritz Fort'])
      now = new Date('2026-03-02T10:10:00Z')
      await runMemberDatabaseSync(server.storage, integration, clock)
      expect(await names()).toEqual(['Dora Dreher', 'Emil Neu'])
      const doraView = await staff('GET', `/memberships/${dora}`)
      expect(doraView.person.address.postcode).toBe('50668')
      expect((await staff('GET', `/memberships/${fritz}`)).archivedOn).toBe('2026-03-02')
      // What the pull wrote is no change to send back; only what we filled in for Emil (his joining day) goes out.
      const before = Object.keys((await fake.state()).applied)
      await push()
      const sent = Object.keys((await fake.state()).applied).filter((k) => !before.includes(k))
      expect(sent.filter((k) => k.includes(dora))).toEqual([])
      expect(sent).toHaveLength(1)
      expect(await own.memberDatabase.dueMemberships(now, 100)).toEqual([])
    })

    it('T1.8 CC e-mail and extra phones are not synced; Mobil and Telefon are (through the API)', async () => {
      const { staff, capture, status, push, personOf } = await linkedClub()
      const gina = await capture(
        person('Gina', 'G', { email: 'g@x.de', phoneMobile: '0151 111', phonePrivate: '0221 222', phoneWork: '0228 333' }),
      )
      await push()
      const { remoteId } = await status(gina)
      const remote = await remoteOf(remoteId)
      expect(remote).toMatchObject({ email: 'g@x.de', mobil: '0151 111', telefon: '0221 222' })
      expect(JSON.stringify(remote)).not.toContain('0228 333')
      await fake.update(remoteId, { email: 'gina@y.de' })
      await staff('POST', '/member-database/pull', {})
      const view = await staff('GET', `/persons/${await personOf(gina)}`)
      expect(view).toMatchObject({ email: 'gina@y.de', phoneWork: '0228 333', phoneMobile: '0151 111' })
    })

    it('T1.9 A central-collection DV excludes bank and mandate data', async () => {
      const { club, staff, status, push } = await linkedClub('DV Zentral')
      const submitted = await server.call('POST', `/public/organisations/${club.organisation.id}/applications`, {
        body: submissionFor(club, {
          firstName: 'Hugo',
          lastName: 'Huber',
          mandate: { accountHolder: 'Hugo Huber', iban: 'DE02120300000000202051', consent: true },
        }),
      })
      const hugo = (await staff('POST', `/applications/${submitted.json.id}/accept`, {})).membership.id
      await push()
      const { remoteId } = await status(hugo)
      const remote = await remoteOf(remoteId)
      for (const key of ['iban', 'bic', 'mandatsreferenz', 'mandatsdatum', 'kontoinhaber']) expect(remote).not.toHaveProperty(key)
      await fake.update(remoteId, { vorname: 'Hugo-Karl', iban: 'DE89370400440532013000', mandatsreferenz: 'FREMD-1' })
      await staff('POST', '/member-database/pull', {})
      const view = await staff('GET', `/memberships/${hugo}`)
      expect(JSON.stringify(view)).toContain('Hugo-Karl')
      expect(view.mandates[0]).toMatchObject({ iban: 'DE02120300000000202051' })
      expect(view.mandates[0].reference).not.toBe('FREMD-1')
    })

    it('a field both sides changed waits for a decision under the manual policy, and either choice settles it', async () => {
      const { staff, capture, status, push, personOf } = await linkedClub('DV Köln', 'manual')
      const ida = await capture(person('Ida', 'Streit'))
      await push()
      const { remoteId } = await status(ida)
      const idaPerson = await personOf(ida)
      await fake.update(remoteId, { strasse: 'Fernweg 1' })
      await staff('PATCH', `/persons/${idaPerson}`, { postalAddress: address('Nahweg 2') })
      await staff('POST', '/member-database/pull', {})
      const [conflict] = (await staff('GET', '/member-database/conflicts')).items
      expect(conflict).toMatchObject({ membershipId: ida, field: 'street', localValue: 'Nahweg 2', remoteValue: 'Fernweg 1' })
      await push()
      expect((await remoteOf(remoteId))?.['strasse']).toBe('Fernweg 1')
      await staff('POST', `/member-database/conflicts/${conflict.id}/decision`, { keep: 'local' })
      await push()
      expect((await remoteOf(remoteId))?.['strasse']).toBe('Nahweg 2')
      expect((await staff('GET', '/member-database/conflicts')).items).toEqual([])
    })

    it('no edit is lost: A→B→A→B goes out as four writes, and an edit made while an answer was lost follows it', async () => {
      const { staff, capture, status, push, personOf } = await linkedClub()
      const eva = await capture(person('Eva', 'Echo'))
      const evaPerson = await personOf(eva)
      // The create is applied remotely but its answer never arrives; meanwhile the street changes.
      await fake.faults({ dropRate: 1 })
      await push()
      await fake.faults({ dropRate: 0 })
      await staff('PATCH', `/persons/${evaPerson}`, { postalAddress: address('Zwischenweg 1') })
      await push()
      await push()
      const { remoteId } = await status(eva)
      expect(await remoteOf(remoteId)).toMatchObject({ vorname: 'Eva', strasse: 'Zwischenweg 1' })
      for (const street of ['B-Straße 1', 'Domplatz 1', 'B-Straße 1']) {
        await staff('PATCH', `/persons/${evaPerson}`, { postalAddress: address(street) })
        await push()
        expect((await remoteOf(remoteId))?.['strasse']).toBe(street)
      }
      const records = Object.values((await fake.state()).records).filter((r) => r['vorname'] === 'Eva')
      expect(records).toHaveLength(1)
    })

    it('a member pulled with bank data keeps it on both sides, and one bad record does not stop the others', async () => {
      const { staff, status, push, group } = await linkedClub()
      const rita = await fake.create(group, {
        vorname: 'Rita',
        nachname: 'Remote',
        strasse: 'Weg 2',
        plz: '50667',
        ort: 'Köln',
        land: 'DE',
        einzugsermaechtigung: 'Ja',
        iban: 'DE89370400440532013000',
        mandatsreferenz: 'MIDA-77',
        mandatsdatum: '2024-02-01',
        kontoinhaber: 'Rita Remote',
      })
      await fake.create(group, {
        vorname: 'Falsch',
        nachname: 'Datum',
        geburtsdatum: '1990-02-31',
        strasse: 'Weg 3',
        plz: '50667',
        ort: 'Köln',
        land: 'DE',
      })
      const report = await staff('POST', '/member-database/pull', {})
      expect(report).toMatchObject({ created: 1, failed: 1 })
      const local = (await staff('GET', '/memberships')).items.find((m: { name: string }) => m.name === 'Rita Remote')
      const view = await staff('GET', `/memberships/${local.id}`)
      expect(view).toMatchObject({
        paymentMethod: 'direct-debit',
        mandates: [expect.objectContaining({ iban: 'DE89370400440532013000', reference: 'MIDA-77' })],
      })
      await push()
      expect(await remoteOf(rita)).toMatchObject({
        iban: 'DE89370400440532013000',
        mandatsreferenz: 'MIDA-77',
        kontoinhaber: 'Rita Remote',
      })
      expect((await status(local.id)).status).toBe('transferred')
    })
  })
}
