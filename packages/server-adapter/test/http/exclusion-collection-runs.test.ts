import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { dunningRun, withDunningLevels } from '../dunning-fixtures'
import { useServer } from './harness'

const clock = {
  at: new Date('2025-07-01T10:00:00Z'),
  now() {
    return this.at
  },
}

for (const engine of engines()) {
  describe(`exclusion and collection runs (${engine.name})`, () => {
    const server = useServer(engine, { clock })

    /** Two members at the last level (3) and one at level 1, each owing the 72,00 € joining-year fee plus fees. */
    async function clubInArrears() {
      const club = await aClubWithFees(server, { members: 3 })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2025-04-15' })
      await club.staff('POST', '/charge-runs', { asOf: '2025-04-15', idempotencyKey: preview.idempotencyKey })
      await withDunningLevels(club)
      const second = club.memberships[1]!.number
      await dunningRun(club, '2025-05-16')
      await dunningRun(club, '2025-05-31', { numberTo: second })
      await dunningRun(club, '2025-06-15', { numberTo: second })
      return club
    }

    it('proposes members by ASL_Mahnstufe and ASL_Saldo, excludes the selection with end date, reason and marker', async () => {
      const club = await clubInArrears()
      const [a, b, c] = club.memberships
      const missing = await server.call('POST', `/organisations/${club.org}/exclusion-runs/preview`, {
        apiKey: club.apiKey,
        body: { runDate: '2025-07-01' },
      })
      expect(missing).toMatchObject({ status: 422, json: { code: 'EXCLUSION_SETTINGS_MISSING' } })
      await club.staff('PATCH', '/settings', {
        exclusionLevel: 3,
        exclusionMinimumDebt: 7000,
        exclusionEndDate: '31.12.',
        exclusionReason: 'Ausschluss (Beitragsrückstand)',
        exclusionMarker: 'AUS',
      })
      const preview = await club.staff('POST', '/exclusion-runs/preview', { runDate: '2025-07-01' })
      expect(preview).toMatchObject({ endsOn: '2025-12-31', selected: [a!.id, b!.id].sort() })
      expect(preview.proposals.map((p: { membershipNumber: number }) => p.membershipNumber)).toEqual([a!.number, b!.number])
      expect(preview.proposals.map((p: { membershipId: string }) => p.membershipId)).not.toContain(c!.id)

      const past = await server.call('POST', `/organisations/${club.org}/exclusion-runs/preview`, {
        apiKey: club.apiKey,
        body: { runDate: '2025-06-30' },
      })
      expect(past).toMatchObject({ status: 422, json: { code: 'EXCLUSION_DATE_PAST' } })

      const request = { runDate: '2025-07-01', selected: [b!.id] }
      const key = (await club.staff('POST', '/exclusion-runs/preview', request)).idempotencyKey
      const run = await club.staff('POST', '/exclusion-runs', { request, idempotencyKey: key })
      expect(run).toMatchObject({ endsOn: '2025-12-31', excluded: 1, letters: 1 })
      expect(await club.staff('GET', `/memberships/${b!.id}`)).toMatchObject({
        endsOn: '2025-12-31',
        leavingReason: 'Ausschluss (Beitragsrückstand)',
        markers: ['AUS'],
      })
      expect(await club.staff('GET', `/memberships/${a!.id}`)).toMatchObject({ endsOn: null })
      const documents = await club.staff('GET', `/memberships/${b!.id}/documents`)
      expect(documents.items.at(-1)).toMatchObject({ kind: 'exclusion', title: 'Ausschluss zum 31.12.2025' })
      // Not proposed any more (leaving by the end date), so a repeat with a fresh key excludes no one.
      expect((await club.staff('POST', '/exclusion-runs/preview', { runDate: '2025-07-01' })).selected).toEqual([a!.id])
    })

    it("writes no exclusion letters while the club's exclusion template is marked not valid", async () => {
      const club = await clubInArrears()
      await club.staff('PATCH', '/settings', { exclusionLevel: 3, exclusionEndDate: '31.12.', exclusionReason: 'Ausschluss' })
      await club.staff('POST', '/letter-templates', {
        name: 'Ausschluss',
        kind: 'exclusion',
        valid: false,
        isDefault: true,
        subject: 'Ausschluss',
        blocks: [{ type: 'open-items' }],
      })
      const request = { runDate: '2025-07-01', selected: [club.memberships[0]!.id] }
      const key = (await club.staff('POST', '/exclusion-runs/preview', request)).idempotencyKey
      expect(await club.staff('POST', '/exclusion-runs', { request, idempotencyKey: key })).toMatchObject({ excluded: 1, letters: 0 })
    })

    it('hands postings over for collection: remove one, export CSV with markers, then refuse changes and deletion', async () => {
      const club = await clubInArrears()
      const [a, b] = club.memberships
      const preview = await club.staff('POST', '/collection-runs/preview', { level: 3 })
      expect(preview.items.map((i: { membershipId: string }) => i.membershipId)).toEqual([a!.id, a!.id, a!.id, b!.id, b!.id, b!.id])
      const run = await club.staff('POST', '/collection-runs', { criteria: { level: 3 }, idempotencyKey: preview.idempotencyKey })
      const fee = run.items.find((i: { membershipId: string; text: string; open: number }) => i.membershipId === b!.id && i.open === 500)
      const smaller = await club.staff('DELETE', `/collection-runs/${run.id}/items/${fee.debitId}`)
      expect(smaller.items).toHaveLength(5)
      const csv = await server.call('POST', `/organisations/${club.org}/collection-runs/${run.id}/export.csv`, {
        apiKey: club.apiKey,
        body: { setCourtProcedure: true, marker: 'INK' },
      })
      expect(csv.headers.get('content-type')).toContain('text/csv')
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 byte-order mark (docs/decisions/0004)
      const rows = Papa.parse<string[]>(csv.text.trim(), { delimiter: ';' }).data
      expect(rows[0]).toEqual([
        'Mitgliedsnummer',
        'Name',
        'Straße',
        'PLZ',
        'Ort',
        'Land',
        'Buchungsdatum',
        'Buchungstext',
        'Offener Betrag',
      ])
      expect(rows.slice(1).map((r) => r[8])).toEqual(['72,00', '2,50', '5,00', '72,00', '2,50'])
      expect(await club.staff('GET', `/memberships/${a!.id}/dunning`)).toMatchObject({ courtProcedure: true })
      expect(await club.staff('GET', `/memberships/${a!.id}`)).toMatchObject({ markers: ['INK'] })
      const changed = await server.call('DELETE', `/organisations/${club.org}/collection-runs/${run.id}/items/${run.items[0].debitId}`, {
        apiKey: club.apiKey,
      })
      expect(changed).toMatchObject({ status: 409, json: { code: 'COLLECTION_RUN_EXPORTED' } })
      const deleted = await server.call('DELETE', `/organisations/${club.org}/collection-runs/${run.id}`, { apiKey: club.apiKey })
      expect(deleted).toMatchObject({ status: 409, json: { code: 'COLLECTION_RUN_EXPORTED' } })
      // Court-procedure members are left out of the next dunning run.
      expect((await club.staff('POST', '/dunning-runs/preview', { asOf: '2025-07-01' })).forCollection).toEqual([])
    })

    it('writes off by dunning level and court-procedure marker (handbook §6.11)', async () => {
      const club = await clubInArrears()
      const [a, b, c] = club.memberships
      await club.staff('PATCH', `/memberships/${a!.id}/dunning/markers`, { courtProcedure: true })
      const atLast = await club.staff('POST', '/write-offs/preview', { dunningLevels: [3], courtProcedure: false })
      expect([...new Set(atLast.items.map((i: { membershipId: string }) => i.membershipId))]).toEqual([b!.id])
      const first = await club.staff('POST', '/write-offs/preview', { dunningLevels: [1] })
      expect([...new Set(first.items.map((i: { membershipId: string }) => i.membershipId))]).toEqual([c!.id])
    })

    it('refuses to export an empty collection run and deletes an unexported one', async () => {
      const club = await clubInArrears()
      const preview = await club.staff('POST', '/collection-runs/preview', { level: 2 })
      const run = await club.staff('POST', '/collection-runs', { criteria: { level: 2 }, idempotencyKey: preview.idempotencyKey })
      expect(run.items).toEqual([])
      const empty = await server.call('POST', `/organisations/${club.org}/collection-runs/${run.id}/export.csv`, {
        apiKey: club.apiKey,
        body: {},
      })
      expect(empty).toMatchObject({ status: 409, json: { code: 'COLLECTION_RUN_EMPTY' } })
      expect(await club.staff('DELETE', `/collection-runs/${run.id}`)).toEqual({ deleted: true })
      const gone = await server.call('GET', `/organisations/${club.org}/collection-runs/${run.id}`, { apiKey: club.apiKey })
      expect(gone).toMatchObject({ status: 404, json: { code: 'RUN_NOT_FOUND' } })
    })
  })
}
