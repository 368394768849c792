import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClub } from '../fixtures'
import { issueStaffApiKey } from '../../src/provision-organisation'
import { useServer } from './harness'

const address = { street: 'Storgatan 1', postcode: '75310', city: 'Uppsala', country: 'SE' }

for (const engine of engines()) {
  describe(`membership periods and result lists (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    let club: Awaited<ReturnType<typeof aClub>>
    const call = (method: string, path: string, body?: unknown, apiKey = club.apiKey) =>
      server.call(method, `/organisations/${club.organisation.id}${path}`, { apiKey, body })
    const ok = async (method: string, path: string, body?: unknown, apiKey?: string) => {
      const r = await call(method, path, body, apiKey)
      if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
      return r.json
    }
    let sara: string
    beforeAll(async () => {
      club = await aClub(server.storage)
      sara = (await ok('POST', '/persons', { person: { firstName: 'Sara', lastName: 'Andersson', postalAddress: address } })).id
    })

    it('T3.6 a membership needs a period: none exists, so there is nothing to register against; then it succeeds', async () => {
      expect((await ok('GET', '/membership-periods')).items).toEqual([])
      const missing = await call('POST', '/membership-periods/00000000-0000-4000-8000-000000000000/registrations', { personId: sara })
      expect(missing.json).toMatchObject({ status: 404, code: 'MEMBERSHIP_PERIOD_NOT_FOUND' })
      const period = await ok('POST', '/membership-periods', { name: '2024/25', startsOn: '2024-07-01', endsOn: '2025-06-30' })
      expect(await ok('POST', `/membership-periods/${period.id}/registrations`, { personId: sara })).toMatchObject({
        personId: sara,
        name: 'Sara Andersson',
      })
    })

    it.each([
      ['start date missing', { name: 'X', endsOn: '2031-06-30' }],
      ['end date missing', { name: 'X', startsOn: '2030-07-01' }],
      ['name missing', { startsOn: '2030-07-01', endsOn: '2031-06-30' }],
      ['end before start', { name: 'X', startsOn: '2031-07-01', endsOn: '2031-06-30' }],
      ['overlapping another period', { name: 'X', startsOn: '2025-01-01', endsOn: '2025-12-31' }],
    ])('T3.7 a period with %s is refused', async (_case, body) => {
      expect((await call('POST', '/membership-periods', body)).status).toBe(422)
    })

    it('T3.8 one row per person and period: four yearly periods give four rows; a second row for one period is refused', async () => {
      const ids: string[] = []
      for (const year of [2025, 2026, 2027]) {
        ids.push(
          (
            await ok('POST', '/membership-periods', {
              name: `${year}/${(year + 1) % 100}`,
              startsOn: `${year}-07-01`,
              endsOn: `${year + 1}-06-30`,
            })
          ).id,
        )
      }
      for (const id of ids) await ok('POST', `/membership-periods/${id}/registrations`, { personId: sara })
      const twice = await call('POST', `/membership-periods/${ids[0]}/registrations`, { personId: sara })
      expect(twice.json).toMatchObject({ status: 409, code: 'ALREADY_REGISTERED_FOR_PERIOD' })
      const periods = (await ok('GET', '/membership-periods')).items
      expect(periods.map((p: { name: string; registrations: number }) => [p.name, p.registrations])).toEqual([
        ['2024/25', 1],
        ['2025/26', 1],
        ['2026/27', 1],
        ['2027/28', 1],
      ])
    })

    it('switching from yearly to term-wise periods keeps the history; "members in period X" is a query; used periods keep their dates', async () => {
      const term = await ok('POST', '/membership-periods', { name: 'HT 2028', startsOn: '2028-07-01', endsOn: '2028-12-31' })
      const per = await ok('POST', '/persons', { person: { firstName: 'Per', lastName: 'Berg', postalAddress: address } })
      await ok('POST', `/membership-periods/${term.id}/registrations`, { personId: per.id })
      await ok('POST', `/membership-periods/${term.id}/registrations`, { personId: sara })
      const members = await ok('GET', `/membership-periods/${term.id}/registrations?limit=1`)
      const next = await ok('GET', `/membership-periods/${term.id}/registrations?limit=1&cursor=${members.nextCursor}`)
      expect([...members.items, ...next.items].map((r: { name: string }) => r.name)).toEqual(['Sara Andersson', 'Per Berg'])
      expect(next.nextCursor).toBeNull()
      expect((await ok('GET', '/membership-periods')).items.length).toBe(5)
      const moved = await call('PATCH', `/membership-periods/${term.id}`, { endsOn: '2028-12-30' })
      expect(moved.json.code).toBe('MEMBERSHIP_PERIOD_IN_USE')
      expect((await ok('PATCH', `/membership-periods/${term.id}`, { name: 'Höstterminen 2028' })).name).toBe('Höstterminen 2028')
      expect((await call('DELETE', `/membership-periods/${term.id}`)).json.code).toBe('MEMBERSHIP_PERIOD_IN_USE')
    })

    it('T3.9 different schemes, and a scheme change: B moves from terms to years; its old periods stay, A is unaffected', async () => {
      const b = await aClub(server.storage)
      const inB = async (method: string, path: string, body?: unknown) => {
        const r = await server.call(method, `/organisations/${b.organisation.id}${path}`, { apiKey: b.apiKey, body })
        if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
        return r.json
      }
      const aBefore = await ok('GET', '/membership-periods')
      const terms = [
        await inB('POST', '/membership-periods', { name: 'HT 2024', startsOn: '2024-09-01', endsOn: '2025-01-31' }),
        await inB('POST', '/membership-periods', { name: 'VT 2025', startsOn: '2025-02-01', endsOn: '2025-08-31' }),
      ]
      const bo = (await inB('POST', '/persons', { person: { firstName: 'Bo', lastName: 'Term', postalAddress: address } })).id
      for (const t of terms) await inB('POST', `/membership-periods/${t.id}/registrations`, { personId: bo })
      const year = await inB('POST', '/membership-periods', { name: '2025/26', startsOn: '2025-09-01', endsOn: '2026-08-31' })
      await inB('POST', `/membership-periods/${year.id}/registrations`, { personId: bo })
      const periods = (await inB('GET', '/membership-periods')).items
      expect(periods.map((p: { name: string; registrations: number }) => [p.name, p.registrations])).toEqual([
        ['HT 2024', 1],
        ['VT 2025', 1],
        ['2025/26', 1],
      ])
      expect(await ok('GET', '/membership-periods')).toEqual(aBefore)
    })

    it('result lists: personal ones are seen by their key only, shared ones by all staff; exports are German-spreadsheet safe', async () => {
      const other = await issueStaffApiKey(server.storage, club.organisation.id, 'second desk')
      const injected = await ok('POST', '/persons', {
        person: { firstName: 'Eve', lastName: '=HYPERLINK("http://x")', postalAddress: address, dateOfBirth: '1990-03-04' },
      })
      const mine = await ok('POST', '/result-lists', { name: 'Meine' })
      const shared = await ok('POST', '/result-lists', { name: 'Alle', shared: true })
      const seenByOther = (await ok('GET', '/result-lists', undefined, other)).items.map((l: { name: string; mine: boolean }) => [
        l.name,
        l.mine,
      ])
      expect(seenByOther).toEqual([['Alle', false]])
      expect((await call('GET', `/result-lists/${mine.id}`, undefined, other)).json.code).toBe('RESULT_LIST_NOT_FOUND')
      const added = await ok(
        'POST',
        `/result-lists/${shared.id}/entries`,
        { entries: [{ personId: sara }, { personId: injected.id }, { personId: sara }] },
        other,
      )
      expect(added).toEqual({ added: 2, alreadyListed: 1, skippedArchived: 0 })
      expect((await ok('POST', `/result-lists/${shared.id}/entries`, { search: { criteria: { firstName: 'Sara' } } })).alreadyListed).toBe(
        1,
      )
      const list = await ok('GET', `/result-lists/${shared.id}`)
      expect(list.items.map((i: { firstName: string }) => i.firstName)).toEqual(['Eve', 'Sara'])
      const csv = await call('GET', `/result-lists/${shared.id}/export.csv`)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(csv.text.startsWith('Mitgliedsnummer;Rolle;Name;Vorname')).toBe(true)
      expect(csv.text).toContain(`'=HYPERLINK`)
      expect(csv.text).toContain('04.03.1990')
      const xlsx = await call('GET', `/result-lists/${shared.id}/export.xlsx`)
      expect([...xlsx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
      await ok('DELETE', `/result-lists/${shared.id}/entries/${list.items[0].entryId}`)
      expect((await ok('GET', `/result-lists/${shared.id}`)).entries).toBe(1)
      await ok('DELETE', `/result-lists/${shared.id}`, undefined, other)
      expect((await call('GET', `/result-lists/${shared.id}`)).status).toBe(404)
      expect(
        (await call('POST', `/result-lists/${mine.id}/entries`, { entries: [{ personId: '00000000-0000-4000-8000-000000000000' }] })).json
          .code,
      ).toBe('PERSON_NOT_FOUND')
    })
  })
}
