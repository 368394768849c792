import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { directDebitRun, withDirectDebitSettings } from '../direct-debit-fixtures'
import { xsdErrors } from '../../../core/test/xsd'
import { pdfText } from '../pdf-text'
import { useServer } from './harness'

// Monday 4 January 2027, 11:00 in Berlin.
const clock = {
  at: new Date('2027-01-04T10:00:00Z'),
  now() {
    return this.at
  },
}

for (const engine of engines()) {
  describe(`direct-debit runs over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock })

    /** A club whose members pay by direct debit (mandates from their applications) and owe 96,00 € for 2027. */
    async function clubOwing(members: number) {
      clock.at = new Date('2027-01-04T10:00:00Z')
      const club = await aClubWithFees(server, { members, joinedOn: '2027-01-01', paymentMethod: 'direct-debit' })
      await withDirectDebitSettings(club)
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2027-01-04' })
      await club.staff('POST', '/charge-runs', { asOf: '2027-01-04', idempotencyKey: preview.idempotencyKey })
      return club
    }
    type Club = Awaited<ReturnType<typeof clubOwing>>
    const balanceOf = async (club: Club, i = 0) => (await club.staff('GET', `/memberships/${club.memberships[i]!.id}/account`)).balance

    it('previews, applies and exports a run: nothing is posted until the export books the credits', async () => {
      const club = await clubOwing(2)
      const { preview, run } = await directDebitRun(club, '2027-01-15')
      expect(preview.debits).toEqual([
        expect.objectContaining({
          sequenceType: 'FRST',
          amount: 9600,
          membershipNumbers: [1000],
          reference: 'TSV-1000-1',
          status: 'planned',
        }),
        expect.objectContaining({ sequenceType: 'FRST', amount: 9600, membershipNumbers: [1001] }),
      ])
      // Pre-notifications sent today would arrive 11 days ahead, fewer than the 14 the club asks for.
      expect(preview.dateCheck.warnings).toEqual([{ code: 'pre-notification-too-short', days: 11, required: 14 }])
      expect(run).toMatchObject({ status: 'open', total: 19200, bySequenceType: { FRST: { count: 2, amount: 19200, status: 'open' } } })
      expect(await balanceOf(club)).toBe(-9600)
      // The items are in the run: a second run for the same date collects nothing.
      expect((await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-15' })).debits).toEqual([])

      const exported = await club.staff('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })
      expect(exported).toMatchObject({ sequenceType: 'FRST', count: 2, total: 19200 })
      expect(await balanceOf(club)).toBe(0)
      const account = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/account`)
      expect(account.postings).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'direct-debit', amount: 9600, date: '2027-01-15', text: 'Lastschrift' })]),
      )
      const file = await server.call('GET', `/organisations/${club.org}/direct-debit-runs/${run.id}/exports/${exported.id}/pain.008.xml`, {
        apiKey: club.apiKey,
      })
      expect(file.headers.get('content-type')).toMatch(/application\/xml/)
      expect(await xsdErrors(file.text, 'pain.008.001.08.xsd')).toEqual([])
      expect(await xsdErrors(file.text, 'pain.008.001.08_GBIC_5.xsd')).toEqual([])
      expect(file.text).toContain('<SeqTp>FRST</SeqTp>')
      expect(file.text).toContain('<CdtrSchmeId><Id><PrvtId><Othr><Id>DE98ZZZ09999999999</Id>')
      expect((await club.staff('GET', `/direct-debit-runs/${run.id}`)).status).toBe('exported')
    })

    it('an exported run cannot be edited or deleted; cancelling the export restores every account exactly', async () => {
      const club = await clubOwing(2)
      const { run } = await directDebitRun(club, '2027-01-15')
      const before = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/account`)
      const exported = await club.staff('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })
      const detail = await club.staff('GET', `/direct-debit-runs/${run.id}`)
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })
      expect(await call('DELETE', `/direct-debit-runs/${run.id}/debits/${detail.debits[0].id}`)).toMatchObject({
        status: 409,
        json: { code: 'DIRECT_DEBIT_RUN_EXPORTED' },
      })
      expect(await call('DELETE', `/direct-debit-runs/${run.id}`)).toMatchObject({
        status: 409,
        json: { code: 'DIRECT_DEBIT_RUN_EXPORTED' },
      })
      expect(
        await call('POST', `/direct-debit-runs/${run.id}/exports/${exported.id}/cancellation`, { confirmNotSentToBank: false }),
      ).toMatchObject({
        status: 428,
        json: { code: 'DIRECT_DEBIT_CANCEL_UNCONFIRMED' },
      })
      const cancelled = await club.staff('POST', `/direct-debit-runs/${run.id}/exports/${exported.id}/cancellation`, {
        confirmNotSentToBank: true,
      })
      expect(cancelled).toMatchObject({
        status: 'open',
        exports: [expect.objectContaining({ id: exported.id, cancelledAt: expect.any(String) })],
      })
      const after = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/account`)
      expect(after).toEqual(before)
      // Editable again: a debit comes out, and a new run collects it — as FRST, since its mandate was never collected.
      await club.staff('DELETE', `/direct-debit-runs/${run.id}/debits/${detail.debits[1].id}`)
      const second = await directDebitRun(club, '2027-01-15')
      expect(second.preview.debits).toEqual([expect.objectContaining({ membershipNumbers: [1001], sequenceType: 'FRST' })])
      // Deleting a run frees its items.
      await club.staff('DELETE', `/direct-debit-runs/${run.id}`)
      expect((await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-15' })).debits).toEqual([
        expect.objectContaining({ membershipNumbers: [1000], sequenceType: 'FRST' }),
      ])
      expect(await call('GET', `/direct-debit-runs/${run.id}`)).toMatchObject({ status: 404, json: { code: 'RUN_NOT_FOUND' } })
    })

    it('the next collection after an export is RCUR, and carries the amendment after a change of bank', async () => {
      const club = await clubOwing(1)
      const { run } = await directDebitRun(club, '2027-01-15')
      await club.staff('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })
      const mandates = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/mandates`)
      expect(mandates.mandates).toEqual([
        expect.objectContaining({ reference: 'TSV-1000-1', inUse: true, state: 'valid', collectionCount: 1 }),
      ])
      await club.staff('PATCH', `/mandates/${mandates.mandates[0].id}`, { iban: 'DE02 1203 0000 0000 2020 51' })
      await club.staff('POST', `/memberships/${club.memberships[0]!.id}/postings`, {
        accountId: club.accounts.fee.id,
        date: '2027-01-20',
        amount: -1500,
        text: 'Kursgebühr',
      })
      const next = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-02-15' })
      expect(next.debits).toEqual([
        expect.objectContaining({
          sequenceType: 'RCUR',
          amount: 1500,
          amendment: { originalReference: null, originalIban: null, newBank: true },
        }),
      ])
    })

    it('refuses a collection date the bank would refuse, and exports only in time', async () => {
      const club = await clubOwing(1)
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })
      const saturday = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-16' })
      expect(saturday.dateCheck.problems).toEqual([{ code: 'not-business-day', nextBusinessDay: '2027-01-18' }])
      expect(
        await call('POST', '/direct-debit-runs', { collectionDate: '2027-01-16', idempotencyKey: saturday.idempotencyKey }),
      ).toMatchObject({
        status: 422,
        json: { code: 'DIRECT_DEBIT_DATE_INVALID' },
      })
      const { run } = await directDebitRun(club, '2027-01-06')
      // Export on the collection day itself: D-1 has passed; the run is not silently moved to another date.
      clock.at = new Date('2027-01-06T08:00:00Z')
      expect(await call('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })).toMatchObject({
        status: 422,
        json: { code: 'DIRECT_DEBIT_DATE_INVALID' },
      })
      expect(await balanceOf(club)).toBe(-9600)
    })

    it('does not export debits whose items were paid since the run was created', async () => {
      const club = await clubOwing(1)
      const { run } = await directDebitRun(club, '2027-01-15')
      await club.staff('POST', `/memberships/${club.memberships[0]!.id}/postings`, {
        accountId: club.accounts.bank.id,
        date: '2027-01-05',
        amount: 9600,
      })
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })
      expect(await call('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })).toMatchObject({
        status: 409,
        json: { code: 'DIRECT_DEBIT_ITEMS_SETTLED' },
      })
      expect(await balanceOf(club)).toBe(0)
    })

    it('does not export a debit whose mandate was revoked or changed since the run, and a revoked mandate cannot be extended', async () => {
      const club = await clubOwing(1)
      const { run } = await directDebitRun(club, '2027-01-20')
      const [mandate] = (await club.staff('GET', `/memberships/${club.memberships[0]!.id}/mandates`)).mandates
      await club.staff('POST', `/mandates/${mandate.id}/revocation`, { receivedOn: '2027-01-05' })
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })
      expect(await call('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })).toMatchObject({
        status: 409,
        json: { code: 'DIRECT_DEBIT_MANDATE_CHANGED' },
      })
      expect(await call('PATCH', `/mandates/${mandate.id}`, { limitedUntil: '2029-12-31' })).toMatchObject({
        status: 422,
        json: { code: 'MANDATE_INVALID' },
      })
      expect(await balanceOf(club)).toBe(-9600)
    })

    it('sends pre-notifications once per debit, as letters to the print queue', async () => {
      const club = await clubOwing(2)
      const { run } = await directDebitRun(club, '2027-01-15')
      expect(await club.staff('POST', `/direct-debit-runs/${run.id}/pre-notifications`)).toEqual({ created: 2, retried: 0, alreadySent: 0 })
      expect(await club.staff('POST', `/direct-debit-runs/${run.id}/pre-notifications`)).toEqual({ created: 0, retried: 0, alreadySent: 2 })
      const documents = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/documents`)
      expect(documents.items).toEqual([expect.objectContaining({ kind: 'pre-notification', channel: 'letter' })])
      const pdf = await server.call('GET', `/organisations/${club.org}/documents/${documents.items[0].id}/content.pdf`, {
        apiKey: club.apiKey,
      })
      const text = (await pdfText(pdf.bytes)).join('\n')
      expect(text).toContain('15.01.2027')
      expect(text).toContain('96,00 €')
      expect(text).toContain('TSV-1000-1')
      expect(text).toContain('DE98ZZZ09999999999')
      const detail = await club.staff('GET', `/direct-debit-runs/${run.id}`)
      expect(detail.debits.map((d: { preNotification: string }) => d.preNotification)).toEqual(['printed', 'printed'])
      const sheet = await server.call('GET', `/organisations/${club.org}/direct-debit-runs/${run.id}/debits.csv`, { apiKey: club.apiKey })
      expect(sheet.text).toContain('Mitgliedsnummer;Name;Betrag;Lastschrifttyp;Status;Mandatsreferenz;Vorabinformation')
      expect(sheet.text).toContain('1000;')
      expect(sheet.text).toContain(';96,00;FRST;pending;TSV-1000-1;printed')
      const xlsx = await server.call('GET', `/organisations/${club.org}/direct-debit-runs/${run.id}/debits.xlsx`, { apiKey: club.apiKey })
      expect(xlsx.status).toBe(200)
      expect(String.fromCharCode(...xlsx.bytes.subarray(0, 2))).toBe('PK')
    })

    it('is idempotent: applying the same preview twice gives the one run', async () => {
      const club = await clubOwing(1)
      const preview = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-15' })
      const first = await club.staff('POST', '/direct-debit-runs', { collectionDate: '2027-01-15', idempotencyKey: preview.idempotencyKey })
      const again = await club.staff('POST', '/direct-debit-runs', { collectionDate: '2027-01-15', idempotencyKey: preview.idempotencyKey })
      expect(again.id).toBe(first.id)
      expect(await club.staff('GET', '/direct-debit-runs')).toHaveLength(1)
    })
  })
}
