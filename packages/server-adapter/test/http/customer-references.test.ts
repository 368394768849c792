import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClub } from '../fixtures'
import { aConsultationOffice } from '../appointment-fixtures'
import { useServer } from './harness'
import type { CustomerDirectory, ExternalCustomer } from '../../src/capabilities/customer-references/customer-directory'

/** An in-memory CRM: its customers, the token it accepts, and how often it was asked. */
function aFakeCrm() {
  const customers = new Map<string, ExternalCustomer>()
  const crm = { customers, validToken: 'token-1', calls: 0, slowId: '', down: false }
  const connect = ({ token }: { token: string }): CustomerDirectory => ({
    checkCredentials: async () => token === crm.validToken,
    get: async (id) => {
      crm.calls++
      if (id === crm.slowId) await new Promise((resolve) => setTimeout(resolve, 150))
      return customers.get(id)
    },
    search: async (text) => {
      if (crm.down) throw new Error('connect ECONNREFUSED')
      return [...customers.values()].filter((c) => `${c.lastName} ${c.firstName}`.toLowerCase().includes(text.toLowerCase()))
    },
    extras: async (id) => ({ consultations: customers.has(id) ? 2 : 0 }),
  })
  return { crm, connect }
}

const address = { street: 'Altweg 1', postcode: '50667', city: 'Köln', country: 'DE' }

for (const engine of engines()) {
  describe(`reference-only CRM links and the conversion (${engine.name})`, () => {
    const fake = aFakeCrm()
    const server = useServer(engine, {
      clock: { now: () => new Date('2026-11-23T10:00:00Z') },
      crm: { secretKey: 'crm-secret-0123456789', connect: fake.connect },
    })
    let club: Awaited<ReturnType<typeof aClub>>
    const raw = (method: string, path: string, body?: unknown) =>
      server.call(method, `/organisations/${club.organisation.id}${path}`, { apiKey: club.apiKey, body })
    const staff = async (method: string, path: string, body?: unknown) => {
      const r = await raw(method, path, body)
      if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
      return r.json
    }
    /**
     * Everything the organisation keeps, as text: every row of every table that belongs to it, the persons those rows
     * name, and their audit lines — where personal data would show if anything kept it. (The database may hold other
     * test files' organisations; they are not ours to scan.)
     */
    const databaseText = async () => {
      const db = server.connection.db
      const rows = async (query: ReturnType<typeof sql>) =>
        ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows
      const tables = await rows(
        sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'organisation_id'`,
      )
      const kept: unknown[] = []
      const personIds = new Set<string>()
      for (const { table_name } of tables) {
        for (const row of await rows(
          sql`select * from ${sql.identifier(String(table_name))} where organisation_id = ${club.organisation.id}`,
        )) {
          kept.push(row)
          for (const [column, value] of Object.entries(row))
            if (column.endsWith('person_id') && typeof value === 'string') personIds.add(value)
        }
      }
      for (const id of personIds) {
        kept.push(
          ...(await rows(sql`select * from persons where id = ${id}`)),
          ...(await rows(sql`select * from person_audit where person_id = ${id}`)),
        )
      }
      return JSON.stringify(kept)
    }
    const copyOf = async (firstName: string, lastName: string, email: string, externalId: string) => {
      const person = await staff('POST', '/persons', {
        person: { firstName, lastName, email, postalAddress: address },
        ignoreDuplicates: true,
      })
      await staff('POST', '/crm/copies', { personId: person.id, externalId })
      return person.id as string
    }

    beforeAll(async () => {
      club = await aClub(server.storage)
      fake.crm.customers.set('MID-42', {
        externalId: 'MID-42',
        firstName: 'Max',
        lastName: 'Muster',
        email: 'max@x.de',
        phone: '0221 42',
        city: 'Köln',
      })
      const r = await staff('PUT', '/crm/connection', { baseUrl: 'https://crm.example/api', token: 'token-1' })
      expect(r).toEqual({ baseUrl: 'https://crm.example/api', credentialsStored: true })
    })

    it('refuses a connection whose token the CRM does not accept, and never shows a stored token', async () => {
      expect((await raw('PUT', '/crm/connection', { baseUrl: 'https://crm.example/api', token: 'wrong' })).json.code).toBe(
        'CONNECTOR_CREDENTIALS_INVALID',
      )
      expect((await raw('GET', '/crm/connection')).text).not.toContain('token-1')
      expect(await databaseText()).not.toContain('token-1')
    })

    let max: string
    it('T4.1 A v2 link stores only the reference', async () => {
      const linked = await staff('POST', '/crm/references', { externalId: 'MID-42' })
      max = linked.personId
      expect(linked).toMatchObject({
        externalId: 'MID-42',
        status: 'available',
        customer: { firstName: 'Max', lastName: 'Muster', email: 'max@x.de' },
      })
      const text = await databaseText()
      expect(text).toContain('MID-42')
      for (const personal of ['Muster', 'max@x.de', '0221 42']) expect(text).not.toContain(personal)
      expect((await staff('POST', '/crm/references', { externalId: 'MID-42' })).personId).toBe(max)
    })

    it('T4.2 Data is loaded on demand and always current', async () => {
      fake.crm.customers.set('MID-42', { ...fake.crm.customers.get('MID-42')!, email: 'max@y.de' })
      const calls = fake.crm.calls
      expect((await staff('GET', `/crm/references/${max}`)).customer.email).toBe('max@y.de')
      expect(fake.crm.calls).toBe(calls + 1)
      expect((await staff('GET', `/crm/references/${max}`)).extras).toEqual({ consultations: 2 })
    })

    it('T4.3 Search is delegated to the external system', async () => {
      const found = await staff('GET', '/crm/customers?q=Muster')
      expect(found.items).toEqual([expect.objectContaining({ externalId: 'MID-42', lastName: 'Muster', personId: max })])
      expect(await databaseText()).not.toContain('Muster')
    })

    it('T4.4 External deletion leaves no local personal data', async () => {
      const office = await aConsultationOffice(staff)
      await staff('POST', '/appointment-blocks', { kind: 'period', consultantId: office.anna.id, from: '2027-03-22', to: '2027-03-22' })
      const [slot] = (await staff('GET', '/free-slots?fromDate=2027-03-22&toDate=2027-03-22')).items
      const consultation = await staff('POST', '/appointments', { slot: { blockId: slot.blockId, startsAt: slot.startsAt }, personId: max })
      fake.crm.customers.delete('MID-42')
      expect(await staff('GET', `/crm/references/${max}`)).toMatchObject({ status: 'unavailable', customer: null })
      expect(
        (await staff('GET', `/appointments/${consultation.id}`)).personId ??
          (await staff('GET', `/appointments/${consultation.id}`)).person?.id,
      ).toBe(max)
      const text = await databaseText()
      for (const personal of ['Muster', 'max@x.de', 'max@y.de']) expect(text).not.toContain(personal)
    })

    it('T4.5 Invalid credentials abort before any comparison', async () => {
      const other = await aClub(server.storage)
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${other.organisation.id}${path}`, { apiKey: other.apiKey, body })
      await call('PUT', '/crm/connection', { baseUrl: 'https://crm.example/api', token: 'token-1' })
      const ids = []
      for (const [i, name] of ['Alpha', 'Beta', 'Gamma'].entries()) {
        const person = (await call('POST', '/persons', { person: { firstName: name, lastName: 'Kopie', postalAddress: address } })).json
        await call('POST', '/crm/copies', { personId: person.id, externalId: `MID-${500 + i}` })
        ids.push(person.id)
      }
      fake.crm.validToken = 'token-2'
      const calls = fake.crm.calls
      try {
        const before = JSON.stringify(await Promise.all(ids.map(async (id) => (await call('GET', `/persons/${id}`)).json)))
        expect((await call('POST', '/crm/conversions/preview')).json.code).toBe('CONNECTOR_CREDENTIALS_INVALID')
        expect((await call('POST', '/crm/conversions', { idempotencyKey: 'reference-conversion-x' })).json.code).toBe(
          'CONNECTOR_CREDENTIALS_INVALID',
        )
        expect(fake.crm.calls).toBe(calls)
        expect(JSON.stringify(await Promise.all(ids.map(async (id) => (await call('GET', `/persons/${id}`)).json)))).toBe(before)
      } finally {
        fake.crm.validToken = 'token-1'
      }
    })

    it('T4.6 An exact match is convertible with no warning; T4.7 a mismatch gives a warning but is still convertible; T4.8 deleted externally means converted to a local customer', async () => {
      fake.crm.customers.set('MID-7', { externalId: 'MID-7', firstName: 'Max', lastName: 'Muster', email: 'max@x.de' })
      for (const id of ['MID-71', 'MID-72', 'MID-73'])
        fake.crm.customers.set(id, { externalId: id, firstName: 'Max', lastName: 'Muster', email: 'max@x.de' })
      const exact = await copyOf('Max', 'Muster', 'max@x.de', 'MID-7')
      const first = await copyOf('Maximilian', 'Muster', 'max@x.de', 'MID-71')
      const last = await copyOf('Max', 'Mustermann', 'max@x.de', 'MID-72')
      const mail = await copyOf('Max', 'Muster', 'max@old.de', 'MID-73')
      const gone = await copyOf('Gerda', 'Gelöscht', 'gerda@x.de', 'MID-99')
      const period = await staff('POST', '/membership-periods', { name: '2026/27', startsOn: '2026-07-01', endsOn: '2027-06-30' })
      await staff('POST', `/membership-periods/${period.id}/registrations`, { personId: gone })
      const preview = await staff('POST', '/crm/conversions/preview')
      const line = (personId: string) => preview.lines.find((l: { personId: string }) => l.personId === personId)
      expect(line(exact)).toMatchObject({ outcome: 'convert', warning: null })
      for (const [personId, field] of [
        [first, 'firstName'],
        [last, 'lastName'],
        [mail, 'email'],
      ] as const) {
        expect(line(personId)).toMatchObject({ outcome: 'convert-with-warning', differs: [field] })
        expect(line(personId).warning).toMatch(/Compare both systems/)
      }
      expect(line(gone)).toMatchObject({ outcome: 'make-local' })
      const run = await staff('POST', '/crm/conversions', { idempotencyKey: preview.idempotencyKey })
      expect(run).toMatchObject({ converted: 1, convertedWithWarning: 3, madeLocal: 1 })
      // Converted: references now, with the copies' personal data gone.
      expect((await staff('GET', `/crm/references/${exact}`)).customer).toMatchObject({ firstName: 'Max', email: 'max@x.de' })
      const text = await databaseText()
      for (const personal of ['Maximilian', 'Mustermann', 'max@old.de']) expect(text).not.toContain(personal)
      // Deleted externally: kept locally with every field, and on the review list.
      expect(await staff('GET', `/persons/${gone}`)).toMatchObject({ firstName: 'Gerda', lastName: 'Gelöscht', email: 'gerda@x.de' })
      expect((await staff('GET', '/crm/review-list')).items).toEqual([
        expect.objectContaining({ personId: gone, externalId: 'MID-99', name: 'Gerda Gelöscht' }),
      ])
      await staff('POST', `/crm/review-list/${gone}`, { decision: 'anonymise' })
      const anonymised = await staff('GET', `/persons/${gone}`)
      expect(anonymised).toMatchObject({ firstName: '', lastName: 'Anonymisiert', email: null })
      expect(await databaseText()).not.toContain('gerda@x.de')
      expect(
        (await staff('GET', `/membership-periods/${period.id}/registrations`)).items.map((r: { personId: string }) => r.personId),
      ).toContain(gone)
      expect((await staff('GET', '/crm/review-list')).items).toEqual([])
      // Applying again finds the same run; nothing is converted twice.
      expect((await staff('POST', '/crm/conversions', { idempotencyKey: preview.idempotencyKey })).runId).toBe(run.runId)
    })

    it('T4.9 A v1 + v2 duplicate is merged', async () => {
      fake.crm.customers.set('MID-42', { externalId: 'MID-42', firstName: 'Max', lastName: 'Muster', email: 'max@x.de' })
      const copy = await copyOf('Max', 'Muster', 'max@x.de', 'MID-42')
      const slots = (await staff('GET', '/free-slots?fromDate=2027-03-22&toDate=2027-03-22')).items
      const forCopy = await staff('POST', '/appointments', {
        slot: { blockId: slots[0].blockId, startsAt: slots[0].startsAt },
        personId: copy,
      })
      const preview = await staff('POST', '/crm/conversions/preview')
      expect(preview.lines).toEqual([expect.objectContaining({ personId: copy, outcome: 'merge-into-reference', referencePersonId: max })])
      await staff('POST', '/crm/conversions', { idempotencyKey: preview.idempotencyKey })
      const appointments = (await staff('GET', '/appointments?includeCancelled=true')).items as {
        id: string
        personId?: string
        person?: { id: string }
      }[]
      const owners = appointments.map((a) => a.personId ?? a.person?.id)
      expect(owners.every((o) => o === max)).toBe(true)
      expect(appointments.map((a) => a.id)).toContain(forCopy.id)
      expect((await raw('GET', `/persons/${copy}`)).status).toBe(404)
    })

    it('T4.10 Exclusive run and forced re-login: an edit waiting for the run finds a reference and is refused', async () => {
      fake.crm.customers.set('MID-10', { externalId: 'MID-10', firstName: 'Rita', lastName: 'Rennen', email: 'rita@x.de' })
      const rita = await copyOf('Rita', 'Rennen', 'rita@x.de', 'MID-10')
      const preview = await staff('POST', '/crm/conversions/preview')
      // The run compares slowly; an edit sent while it runs waits for it, then finds a reference.
      fake.crm.slowId = 'MID-10'
      const running = staff('POST', '/crm/conversions', { idempotencyKey: preview.idempotencyKey })
      await new Promise((resolve) => setTimeout(resolve, 40))
      const edit = await raw('PATCH', `/persons/${rita}`, { email: 'rita@neu.de' })
      const run = await running
      fake.crm.slowId = ''
      expect(run.converted).toBe(1)
      expect(edit.json.code).toBe('REFERENCE_READ_ONLY')
      expect((await raw('PATCH', `/persons/${rita}`, { email: 'rita@neu.de' })).json.code).toBe('REFERENCE_READ_ONLY')
      expect(await databaseText()).not.toContain('rita@')
    })

    it('refuses to record a person other organisations know as a CRM copy (its conversion would erase their data)', async () => {
      const person = await staff('POST', '/persons', {
        person: { firstName: 'Geteilt', lastName: 'Person', postalAddress: address },
        ignoreDuplicates: true,
      })
      const other = await aClub(server.storage)
      await server.storage.forOrganisation(other.organisation.id).memberships.create({
        personId: person.id,
        number: 1000,
        feeClassGroupId: null,
        joinedOn: '2026-01-01',
        paymentMethod: 'invoice',
      })
      expect((await raw('POST', '/crm/copies', { personId: person.id, externalId: 'MID-SHARED' })).json.code).toBe('PERSON_SHARED')
    })

    it('a CRM that does not answer is a 502 with its code, not an internal error', async () => {
      fake.crm.down = true
      try {
        expect((await raw('GET', '/crm/customers?q=Muster')).json).toMatchObject({ status: 502, code: 'CONNECTOR_UNAVAILABLE' })
      } finally {
        fake.crm.down = false
      }
    })
  })
}
