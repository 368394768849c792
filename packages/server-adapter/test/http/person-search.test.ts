import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  compileSearch,
  PersonSearchCriteria,
  searchPersons,
  searchPositionOf,
  foldingSqlFunction,
  foldText,
  type SearchablePerson,
} from '@vereinskit/core/people'
import { searchExamples } from '../../../core/src/people/search-examples'
import { readFileSync } from 'node:fs'
import { engines } from '../engines'
import { aClub } from '../fixtures'
import { useServer } from './harness'

const address = (street = 'Weg 1', city = 'Berlin') => ({ street, postcode: '10115', city })

for (const engine of engines()) {
  describe(`the standard search in the database (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    let club: Awaited<ReturnType<typeof aClub>>
    const staff = async (method: string, path: string, body?: unknown) => {
      const r = await server.call(method, `/organisations/${club.organisation.id}${path}`, { apiKey: club.apiKey, body })
      if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
      return r.json
    }
    beforeAll(async () => {
      club = await aClub(server.storage)
    })

    it("runs core's folding: the migration's SQL functions are exactly core's, and agree with core on random text", async () => {
      const migration = readFileSync(new URL('../../migrations/0009_people_moved_fields.sql', import.meta.url), 'utf8').replace(/\s+/g, ' ')
      for (const statement of foldingSqlFunction().split('$fold$;')) {
        if (statement.trim()) expect(migration).toContain(`${statement.replace(/\s+/g, ' ').trim()}`.trim())
      }
      const chars = fc.constantFrom(..."aAzZßẞüÜéÉøØłŁçÇœŒ%_\\ '-1İıǿ".split(''), 'u\u0308')
      await fc.assert(
        fc.asyncProperty(fc.array(chars, { maxLength: 12 }), async (parts) => {
          const text = parts.join('')
          const { rows } = await server.connection.executeSql('select vk_fold($1) as f, vk_fold_ss($1) as s', [text])
          expect(rows[0]).toEqual({ f: foldText(text), s: foldText(text).replaceAll('ß', 'ss') })
        }),
        { numRuns: 200 },
      )
    })

    it('finds what the handbook says and nothing else (worked examples W1–W3, D18–D21)', async () => {
      const failures: string[] = []
      for (const wildcards of [true, false]) {
        await staff('PATCH', '/settings', { searchWildcards: wildcards })
        for (const e of searchExamples.filter((x) => x.wildcards === wildcards)) {
          const person =
            e.field === 'phone'
              ? { lastName: 'Telefon', postalAddress: address(), phonePrivate: null, phoneMobile: e.value }
              : e.field === 'street' || e.field === 'city'
                ? { lastName: 'Adresse', postalAddress: e.field === 'street' ? address(e.value) : address('Weg 1', e.value) }
                : { lastName: 'Name', [e.field]: e.value, postalAddress: address() }
          const created = await staff('POST', '/persons', { person, ignoreDuplicates: true })
          const result = await staff('POST', '/persons/search', { criteria: { [e.field]: e.input, personId: created.id } })
          if ((result.items.length === 1) !== e.found) failures.push(`${e.field} ${e.input} / ${e.value} (wildcards ${wildcards})`)
        }
      }
      expect(failures).toEqual([])
    })

    it('exact fields: membership number, date of birth, mandate reference (any case) and IBAN prefix', async () => {
      const other = await aClub(server.storage)
      const capture = await staff('POST', '/members', {
        person: { lastName: 'Exakt', firstName: 'Eva', dateOfBirth: '1977-07-07', postalAddress: address() },
      })
      const membership = capture.membership
      await staff('POST', `/memberships/${membership.id}/mandates`, {
        validFrom: '2026-01-01',
        signedOn: '2026-01-01',
        iban: 'DE89 3704 0044 0532 0130 00',
        accountHolder: 'Eva Exakt',
      })
      const reference = (await staff('GET', `/memberships/${membership.id}`)).mandates[0].reference as string
      const ids = async (criteria: object) =>
        (await staff('POST', '/persons/search', { criteria })).items.map((h: { number: number }) => h.number)
      expect(await ids({ membershipNumber: membership.number })).toEqual([membership.number])
      expect(await ids({ membershipNumber: membership.number * 10 })).toEqual([])
      expect(await ids({ mandateReference: reference.toLowerCase() })).toEqual([membership.number])
      expect(await ids({ iban: 'de89 3704' })).toEqual([membership.number])
      expect(await ids({ iban: '3704' })).toEqual([])
      expect(await ids({ dateOfBirth: '1977-07-07', lastName: 'Exa' })).toEqual([membership.number])
      // Another organisation finds nothing of it.
      const foreign = await server.call('POST', `/organisations/${other.organisation.id}/persons/search`, {
        apiKey: other.apiKey,
        body: { criteria: { lastName: 'Exakt' } },
      })
      expect(foreign.json.items).toEqual([])
    })

    it('refuses empty searches and malformed fields with 422, and hostile text is only text', async () => {
      for (const body of [
        {},
        { criteria: {} },
        { criteria: { phone: '---' } },
        { criteria: { iban: "DE' or 1=1" } },
        { criteria: { lastName: 'x'.repeat(101) } },
      ]) {
        const r = await server.call('POST', `/organisations/${club.organisation.id}/persons/search`, { apiKey: club.apiKey, body })
        expect(r.status, JSON.stringify(body)).toBe(422)
      }
      await staff('PATCH', '/settings', { searchWildcards: true })
      for (const lastName of ['%', '_%_', '% %']) {
        const r = await server.call('POST', `/organisations/${club.organisation.id}/persons/search`, {
          apiKey: club.apiKey,
          body: { criteria: { lastName } },
        })
        expect(r.json, lastName).toMatchObject({ status: 422, errors: [{ code: 'wildcards-only' }] })
      }
      const hostile = await staff('POST', '/persons/search', { criteria: { lastName: "'; drop table persons; --" } })
      expect(hostile.items).toEqual([])
    })

    it('property: the database returns exactly what core returns, in the same order, on random data and queries', async () => {
      const org = await aClub(server.storage)
      const store = server.storage.forOrganisation(org.organisation.id)
      const letters = fc.constantFrom('a', 'B', 'ß', 'ss', 'ü', 'U', 'é', '%', '_', '\\', ' ', 'Strasse', 'Straße')
      const word = fc.array(letters, { minLength: 1, maxLength: 4 }).map((p) => p.join(''))
      const personArb = fc.record({
        lastName: word,
        firstName: word,
        company: fc.option(word, { nil: null }),
        street: word,
        city: word,
        phone: fc.option(fc.constantFrom('030-123456', '089 103050', '+49 30 1234'), { nil: null }),
        dateOfBirth: fc.option(fc.constantFrom('1980-01-01', '1990-06-15'), { nil: null }),
        role: fc.constantFrom('none', 'H', 'H', 'P', 'L'),
        ended: fc.constantFrom(null, '2025-12-31', '2030-06-30'),
        archived: fc.boolean(),
        leftOn: fc.constantFrom(null, null, '2024-03-31'),
        mandate: fc.boolean(),
        mainIndex: fc.nat(),
      })
      const people = fc.sample(personArb, { numRuns: 60, seed: 7 })
      const searchable: SearchablePerson[] = []
      const mains: { id: string; number: number; endsOn: string | null; archived: boolean }[] = []
      const references: string[] = []
      let number = 5000
      for (const p of people) {
        const { rows } = await server.connection.executeSql(
          `insert into persons (salutation, first_name, last_name, company, street, postcode, city, country, phone_work, date_of_birth)
           values ('none', $1, $2, $3, $4, '12345', $5, 'DE', $6, $7) returning id`,
          [p.firstName, p.lastName, p.company, p.street, p.city, p.phone, p.dateOfBirth],
        )
        const id = (rows[0] as { id: string }).id
        const roles: SearchablePerson['roles'][number][] = []
        const mandates: { reference: string; iban: string }[] = []
        if (p.role === 'none') {
          await server.connection.executeSql('insert into person_contacts (organisation_id, person_id) values ($1, $2)', [
            org.organisation.id,
            id,
          ])
        } else if (p.role === 'H' || mains.length === 0) {
          number += 1
          const m = await store.memberships.create({
            personId: id,
            number,
            feeClassGroupId: null,
            joinedOn: '2020-01-01',
            paymentMethod: 'invoice',
          })
          if (p.ended) await store.memberships.update(m.id, { endsOn: p.ended })
          if (p.archived) await server.connection.executeSql(`update memberships set archived_on = '2026-01-01' where id = $1`, [m.id])
          mains.push({ id: m.id, number, endsOn: p.ended, archived: p.archived })
          roles.push({ membershipId: m.id, number, role: 'H', endsOn: p.ended, archived: p.archived })
          if (p.mandate) {
            const mandate = { reference: `VK-${number}-1`, iban: number % 2 === 0 ? 'DE89370400440532013000' : 'AT611904300234573201' }
            await store.memberships.createMandate({
              personId: id,
              membershipId: m.id,
              ...mandate,
              accountHolder: 'X',
              bic: null,
              creditorId: 'DE98ZZZ09999999999',
              signedOn: '2020-01-01',
              validFrom: '2020-01-01',
            })
            mandates.push(mandate)
            references.push(mandate.reference)
          }
        } else {
          const main = mains[p.mainIndex % mains.length]!
          const attached = await store.memberships.attach(main.id, {
            personId: id,
            role: p.role === 'P' ? 'partner' : 'beneficiary',
            joinedOn: '2021-01-01',
          })
          if (p.leftOn) await store.memberships.endAttachment(main.id, attached.id, p.leftOn)
          const ends = [p.leftOn, main.endsOn].filter((d): d is string => d !== null).sort()[0] ?? null
          roles.push({ membershipId: main.id, number: main.number, role: p.role as 'P' | 'L', endsOn: ends, archived: main.archived })
        }
        searchable.push({ ...p, id, phones: [null, p.phone, null], mandates, roles })
      }
      const short = fc.array(letters, { minLength: 1, maxLength: 2 }).map((p) => p.join(''))
      const field = fc.oneof(
        ...(['lastName', 'firstName', 'company', 'street', 'city'] as const).map((f) => short.map((v) => ({ [f]: v }))),
        fc.constantFrom({ phone: '030' }, { phone: '1' }, { phone: '103' }),
        fc.constantFrom(...mains.slice(0, 4).map((m) => ({ membershipNumber: m.number }))),
        fc.constantFrom({ dateOfBirth: '1980-01-01' }, { dateOfBirth: '1990-06-15' }),
        fc.constantFrom(
          { iban: 'DE89' },
          { iban: 'at61 1904' },
          ...references.slice(0, 3).map((r) => ({ mandateReference: r.toLowerCase() })),
        ),
        fc.constantFrom(...searchable.slice(0, 5).map((p) => ({ personId: p.id }))),
      )
      const criteria = fc.array(field, { minLength: 1, maxLength: 2 }).map((parts) => Object.assign({}, ...parts) as object)
      let withHits = 0
      await fc.assert(
        fc.asyncProperty(
          criteria,
          fc.boolean(),
          fc.boolean(),
          fc.constantFrom(1, 2, 5, 30),
          async (raw, wildcards, includeArchived, limit) => {
            const parsed = PersonSearchCriteria.safeParse(raw)
            if (!parsed.success) return
            const compiled = compileSearch(parsed.data, { wildcards })
            const expected = searchPersons(searchable, compiled, { asOf: '2026-11-23', limit: limit + 1, includeArchived })
            const actual = await store.people.search(compiled, { asOf: '2026-11-23', limit, includeArchived, filters: {} })
            if (expected.length > 0) withHits += 1
            // Paging through the database, three rows a page, gives core's whole result in the same order.
            if (limit === 1) {
              const everything = searchPersons(searchable, compiled, { asOf: '2026-11-23', limit: 500, includeArchived })
              const paged: typeof everything = []
              let after: ReturnType<typeof searchPositionOf> | undefined
              for (let page = 0; page < 100; page++) {
                const rows = await store.people.search(compiled, { asOf: '2026-11-23', limit: 3, includeArchived, filters: {}, after })
                paged.push(...rows.slice(0, 3))
                if (rows.length <= 3) break
                after = searchPositionOf(rows[2]!, rows[2]!)
              }
              expect(paged.map((h) => [h.personId, h.membershipId])).toEqual(everything.map((h) => [h.personId, h.membershipId]))
            }
            expect(
              actual.map(({ personId, membershipId, number, role, inactive, archived }) => ({
                personId,
                membershipId,
                number,
                role,
                inactive,
                archived,
              })),
            ).toEqual(expected)
          },
        ),
        { numRuns: 200 },
      )
      // The property must have compared real results, not only empty ones.
      expect(withHits).toBeGreaterThan(40)
    })
  })
}
