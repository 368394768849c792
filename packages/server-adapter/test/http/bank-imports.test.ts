import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { camt054, directDebitRun, withDirectDebitSettings } from '../direct-debit-fixtures'
import { useServer } from './harness'

const clock = {
  at: new Date('2027-01-04T10:00:00Z'),
  now() {
    return this.at
  },
}

const camtSchema = readFileSync(new URL('../../../core/test/fixtures/sepa/xsd/camt.054.001.08.xsd', import.meta.url), 'utf8')

for (const engine of engines()) {
  describe(`bank imports over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock })

    /** Three direct-debit members owing 96,00 €; member 1000's collection exported for 15 January. */
    async function clubWithCollection() {
      clock.at = new Date('2027-01-04T10:00:00Z')
      const club = await aClubWithFees(server, { members: 3, joinedOn: '2027-01-01', paymentMethod: 'direct-debit' })
      await withDirectDebitSettings(club)
      const charges = await club.staff('POST', '/charge-runs/preview', { asOf: '2027-01-04' })
      await club.staff('POST', '/charge-runs', { asOf: '2027-01-04', idempotencyKey: charges.idempotencyKey })
      for (const i of [1, 2]) await club.staff('PATCH', `/memberships/${club.memberships[i]!.id}`, { paymentMethod: 'transfer' })
      const { run } = await directDebitRun(club, '2027-01-15')
      await club.staff('POST', `/direct-debit-runs/${run.id}/exports`, { sequenceType: 'FRST' })
      const detail = await club.staff('GET', `/direct-debit-runs/${run.id}`)
      clock.at = new Date('2027-01-20T10:00:00Z')
      return { ...club, run, debit: detail.debits[0] }
    }
    type Club = Awaited<ReturnType<typeof clubWithCollection>>
    const upload = (club: Club, content: string, fileName = 'camt054.xml') =>
      server.call('POST', `/organisations/${club.org}/bank-files`, { apiKey: club.apiKey, body: { fileName, content } })
    const accountOf = (club: Club, i: number) => club.staff('GET', `/memberships/${club.memberships[i]!.id}/account`)

    it('books a credit with one known number, books a return with its charges, waits on the rest and reports foreign currency', async () => {
      const club = await clubWithCollection()
      const file = camt054('BANK-2027-01-20', [
        { creditDebit: 'CRDT', amount: '96.00', reference: 'R1', remittance: 'Beitrag 2027 Mitglied 1001' },
        { creditDebit: 'CRDT', amount: '50.00', reference: 'R2', remittance: 'Beitrag 1001 und 1002', debtorName: 'Max Mitglied2' },
        { creditDebit: 'CRDT', amount: '20.00', reference: 'R3', currency: 'USD', remittance: 'Beitrag 1002' },
        {
          creditDebit: 'DBIT',
          amount: '99.00',
          reference: 'R4',
          endToEndId: club.debit.endToEndId,
          mandateId: club.debit.reference.toLowerCase(),
          instructed: '96.00',
          charges: '3.00',
          returnReason: 'MD06',
        },
        { creditDebit: 'CRDT', amount: '5.00', reference: 'R5', family: 'ICDT', returnReason: 'AC04' },
      ])
      expect(
        (await validateXML({ xml: [{ fileName: 'f.xml', contents: file }], schema: [{ fileName: 's.xsd', contents: camtSchema }] })).errors,
      ).toEqual([])
      const response = await upload(club, file)
      expect(response.status, JSON.stringify(response.json)).toBe(201)
      expect(response.json).toMatchObject({
        message: 'camt.054',
        version: '001.08',
        status: 'active',
        counts: { booked: 2, open: 1, reported: 2 },
      })
      const entries = await club.staff('GET', `/bank-files/${response.json.id}/entries`)
      expect(entries.map((e: { kind: string; status: string }) => [e.kind, e.status])).toEqual([
        ['credit', 'booked'],
        ['credit', 'open'],
        ['credit', 'reported'],
        ['returned-debit', 'booked'],
        ['returned-transfer', 'reported'],
      ])
      expect(entries[1].outcome).toMatch(/Several membership numbers found \(1001, 1002\)/)
      expect((await accountOf(club, 1)).balance).toBe(0)
      // The return debits the collected amount back and the bank's 3,00 € separately; MD06 switches to invoice.
      const returned = await accountOf(club, 0)
      expect(returned.balance).toBe(-9900)
      expect(returned.postings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'returned-debit', amount: -9600, date: '2027-01-20' }),
          expect.objectContaining({ kind: 'returned-debit', amount: -300, accountId: club.accounts.cost.id }),
        ]),
      )
      expect((await club.staff('GET', `/memberships/${club.memberships[0]!.id}`)).paymentMethod).toBe('invoice')
      const letters = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/documents`)
      expect(letters.items).toEqual([expect.objectContaining({ kind: 'returned-debit' })])
      const mandates = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/mandates`)
      expect(mandates.mandates[0]).toMatchObject({ collectionCount: 1 })
      expect((await club.staff('GET', `/direct-debit-runs/${club.run.id}`)).debits[0]).toMatchObject({ status: 'returned' })

      // The waiting credit: candidates by name, then assigned by hand; the file closes.
      const candidates = await club.staff('GET', `/bank-entries/${entries[1].id}/candidates`)
      expect(candidates[0]).toMatchObject({ membershipNumber: 1002, reasons: expect.arrayContaining(['name', 'number']) })
      const assigned = await club.staff('POST', `/bank-entries/${entries[1].id}/assignment`, { membershipId: club.memberships[2]!.id })
      expect(assigned).toMatchObject({ status: 'booked', membershipNumber: 1002 })
      expect((await accountOf(club, 2)).balance).toBe(-4600)
      expect(await club.staff('GET', `/bank-files/${response.json.id}`)).toMatchObject({ status: 'closed' })
      const again = await server.call('POST', `/organisations/${club.org}/bank-entries/${entries[1].id}/assignment`, {
        apiKey: club.apiKey,
        body: { membershipId: club.memberships[2]!.id },
      })
      expect(again.status).toBe(409)
    })

    it('never books a file or a transaction twice', async () => {
      const club = await clubWithCollection()
      const credit = { creditDebit: 'CRDT' as const, amount: '96.00', reference: 'SAME-REF', remittance: 'Mitglied 1001' }
      expect((await upload(club, camt054('MSG-1', [credit]))).status).toBe(201)
      expect(await upload(club, camt054('MSG-1', [credit]), 'renamed.xml')).toMatchObject({
        status: 409,
        json: { code: 'BANK_FILE_ALREADY_IMPORTED' },
      })
      // Another file carrying the same bank reference: recorded as a duplicate, not booked.
      const second = await upload(club, camt054('MSG-2', [credit]))
      expect(second.json).toMatchObject({ status: 'closed', counts: { duplicate: 1, booked: 0 } })
      expect((await accountOf(club, 1)).balance).toBe(0)
      // A return that came back already is reported the second time.
      const ret = { creditDebit: 'DBIT' as const, amount: '96.00', endToEndId: club.debit.endToEndId, returnReason: 'AM04' }
      await upload(club, camt054('MSG-3', [{ ...ret, reference: 'RET-1' }]))
      const twice = await upload(club, camt054('MSG-4', [{ ...ret, reference: 'RET-2' }]))
      expect(twice.json.counts).toMatchObject({ reported: 1, booked: 0 })
      expect((await accountOf(club, 0)).balance).toBe(-9600)
      // AM04 keeps direct debit (the shipped table).
      expect((await club.staff('GET', `/memberships/${club.memberships[0]!.id}`)).paymentMethod).toBe('direct-debit')
    })

    it.each([
      ['a DOCTYPE with entities', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Document/>', 'BANK_FILE_DTD_REFUSED'],
      [
        'an external entity',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Document>&e;</Document>',
        'BANK_FILE_DTD_REFUSED',
      ],
      ['deep nesting', `<a>${'<b>'.repeat(500)}${'</b>'.repeat(500)}</a>`, 'BANK_FILE_TOO_DEEP'],
      ['no XML', 'Kontoauszug als Text', 'BANK_FILE_NOT_XML'],
      [
        'a pain.008 file',
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"/>',
        'BANK_FILE_UNSUPPORTED',
      ],
      [
        'an amount with fractions of a cent',
        camt054('BAD', [{ creditDebit: 'CRDT', amount: '1.005', reference: 'X', remittance: 'Mitglied 1001' }]),
        'BANK_FILE_INVALID',
      ],
    ])('refuses %s with a clear code and books nothing', async (_name, content, code) => {
      const club = await clubWithCollection()
      const before = await accountOf(club, 1)
      expect(await upload(club, content)).toMatchObject({ status: 422, json: { code } })
      expect(await club.staff('GET', '/bank-files')).toEqual([])
      expect(await accountOf(club, 1)).toEqual(before)
    })

    it('keeps the return-reason table: shipped codes, the club’s changes and its own codes', async () => {
      const club = await clubWithCollection()
      const table = await club.staff('GET', '/return-reasons')
      expect(table.find((r: { code: string }) => r.code === 'AM04')).toMatchObject({ switchTo: null, meaning: 'Insufficient funds' })
      await club.staff('PUT', '/return-reasons/AM04', { meaning: 'Keine Deckung', switchTo: 'invoice', letterText: 'Bitte überweisen.' })
      await club.staff('PUT', '/return-reasons/ZZ01', { meaning: 'Hausbank-Sondercode', switchTo: null })
      const changed = await club.staff('GET', '/return-reasons')
      expect(changed.filter((r: { code: string }) => ['AM04', 'ZZ01'].includes(r.code))).toEqual([
        { code: 'AM04', meaning: 'Keine Deckung', switchTo: 'invoice', letterText: 'Bitte überweisen.' },
        { code: 'ZZ01', meaning: 'Hausbank-Sondercode', switchTo: null, letterText: '' },
      ])
      const bad = await server.call('PUT', `/organisations/${club.org}/return-reasons/toolong`, {
        apiKey: club.apiKey,
        body: { meaning: 'x', switchTo: null },
      })
      expect(bad).toMatchObject({ status: 422, json: { code: 'RETURN_REASON_INVALID' } })
      await upload(
        club,
        camt054('AM', [{ creditDebit: 'DBIT', amount: '96.00', reference: 'R', endToEndId: club.debit.endToEndId, returnReason: 'AM04' }]),
      )
      expect((await club.staff('GET', `/memberships/${club.memberships[0]!.id}`)).paymentMethod).toBe('invoice')
    })
  })
}
