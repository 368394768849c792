import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { submissionFor } from '../fixtures'
import { validIbans } from '@vereinskit/core/testing'
import { directDebitRun, withDirectDebitSettings } from '../direct-debit-fixtures'
import { useServer } from './harness'

const clock = {
  at: new Date('2027-01-04T10:00:00Z'),
  now() {
    return this.at
  },
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF').toString('base64')

for (const engine of engines()) {
  describe(`mandates over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock })

    async function club(members = 2) {
      clock.at = new Date('2027-01-04T10:00:00Z')
      const c = await aClubWithFees(server, { members, joinedOn: '2027-01-01', paymentMethod: 'direct-debit' })
      await withDirectDebitSettings(c)
      return c
    }
    const call = (c: Awaited<ReturnType<typeof club>>, method: string, path: string, body?: unknown) =>
      server.call(method, `/organisations/${c.org}${path}`, { apiKey: c.apiKey, body })

    it('creates mandates with generated references, lists their state, changes and ends them', async () => {
      const c = await club(1)
      const m = c.memberships[0]!.id
      const created = await c.staff('POST', `/memberships/${m}/mandates`, {
        kind: 'recurring',
        validFrom: '2027-02-01',
        signedOn: '2027-01-03',
        iban: 'de02 1203 0000 0000 2020 51',
        accountHolder: 'Erika Mustermann',
        preNotificationChannel: 'email',
      })
      expect(created).toMatchObject({
        reference: 'TSV-1000-2',
        iban: 'DE02120300000000202051',
        state: 'not-yet-valid',
        inUse: false,
        collectionCount: 0,
      })
      const list = await c.staff('GET', `/memberships/${m}/mandates`)
      expect(list.mandates.map((x: { reference: string; inUse: boolean }) => [x.reference, x.inUse])).toEqual([
        ['TSV-1000-1', true],
        ['TSV-1000-2', false],
      ])
      expect(await call(c, 'PATCH', `/mandates/${created.id}`, { limitedUntil: '2027-01-15' })).toMatchObject({
        status: 422,
        json: { code: 'MANDATE_INVALID' },
      })
      expect(await call(c, 'PATCH', `/mandates/${created.id}`, { reference: 'X' })).toMatchObject({ status: 422 })
      const revoked = await c.staff('POST', `/mandates/${list.mandates[0].id}/revocation`, { receivedOn: '2027-01-04' })
      expect(revoked).toMatchObject({ terminatedOn: '2027-01-04', limitedUntil: '2027-01-03', state: 'ended', inUse: false })
      const invalid = await call(c, 'POST', `/memberships/${m}/mandates`, {
        validFrom: '2027-01-01',
        signedOn: '2027-01-01',
        iban: 'DE00123',
        accountHolder: 'X',
      })
      expect(invalid).toMatchObject({ status: 422, json: { code: 'VALIDATION_FAILED' } })
    })

    it('deletes a mandate only while unused, and keeps one scanned PDF per mandate', async () => {
      const c = await club(1)
      const m = c.memberships[0]!.id
      const [mandate] = (await c.staff('GET', `/memberships/${m}/mandates`)).mandates
      expect(await c.staff('PUT', `/mandates/${mandate.id}/document`, { fileName: 'mandat.pdf', contentBase64: pdf })).toEqual({
        fileName: 'mandat.pdf',
        bytes: 44,
      })
      const stored = await server.call('GET', `/organisations/${c.org}/mandates/${mandate.id}/document.pdf`, { apiKey: c.apiKey })
      expect(stored.headers.get('content-type')).toBe('application/pdf')
      expect(Buffer.from(stored.bytes).toString('base64')).toBe(pdf)
      expect(
        await call(c, 'PUT', `/mandates/${mandate.id}/document`, {
          fileName: 'x.pdf',
          contentBase64: Buffer.from('GIF89a').toString('base64'),
        }),
      ).toMatchObject({
        status: 415,
        json: { code: 'MANDATE_DOCUMENT_NOT_PDF' },
      })
      const charges = await c.staff('POST', '/charge-runs/preview', { asOf: '2027-01-04' })
      await c.staff('POST', '/charge-runs', { asOf: '2027-01-04', idempotencyKey: charges.idempotencyKey })
      await directDebitRun(c, '2027-01-15')
      expect(await call(c, 'DELETE', `/mandates/${mandate.id}`)).toMatchObject({ status: 409, json: { code: 'MANDATE_IN_USE' } })
      const unused = await c.staff('POST', `/memberships/${m}/mandates`, {
        validFrom: '2027-03-01',
        signedOn: '2027-01-04',
        iban: 'DE02120300000000202051',
        accountHolder: 'E M',
      })
      expect(await c.staff('DELETE', `/mandates/${unused.id}`)).toEqual({ deleted: true })
      expect(await call(c, 'GET', `/mandates/${unused.id}/document.pdf`)).toMatchObject({
        status: 404,
        json: { code: 'MANDATE_NOT_FOUND' },
      })
    })

    it('an alternate payer pays with their own mandate; the mandate check names payers without a usable one', async () => {
      const c = await club(3)
      const [parent, child, third] = c.memberships
      const payer = await c.staff('PUT', `/memberships/${child!.id}/alternate-payer`, { payerMembershipNumber: parent!.number })
      expect(payer.payer).toMatchObject({ alternate: true, membershipNumber: 1000 })
      expect(payer.mandates.map((m: { reference: string }) => m.reference)).toEqual(['TSV-1000-1'])
      expect(await call(c, 'PUT', `/memberships/${child!.id}/alternate-payer`, { payerMembershipNumber: child!.number })).toMatchObject({
        status: 422,
      })
      const [thirdMandate] = (await c.staff('GET', `/memberships/${third!.id}/mandates`)).mandates
      await c.staff('POST', `/mandates/${thirdMandate.id}/revocation`, { receivedOn: '2027-01-04' })
      const charges = await c.staff('POST', '/charge-runs/preview', { asOf: '2027-01-04' })
      await c.staff('POST', '/charge-runs', { asOf: '2027-01-04', idempotencyKey: charges.idempotencyKey })
      const preview = await c.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-15' })
      expect(preview.debits).toEqual([expect.objectContaining({ reference: 'TSV-1000-1', amount: 19200, membershipNumbers: [1000, 1001] })])
      expect(preview.skipped).toEqual([expect.objectContaining({ membershipNumber: 1002, reason: 'no-valid-mandate' })])
      const check = await c.staff('GET', '/mandate-check')
      expect(check.findings).toEqual([expect.objectContaining({ membershipNumber: 1002, reason: 'ended', payerIsAlternate: false })])
      // The mandate check on a later date: the first mandate, signed today, warns from 33 months on.
      const later = await c.staff('GET', '/mandate-check?date=2029-10-10')
      expect(later.findings.map((f: { membershipNumber: number; reason: string }) => [f.membershipNumber, f.reason])).toEqual([
        [1000, 'lapsing-soon'],
        [1001, 'lapsing-soon'],
        [1002, 'ended'],
      ])
    })

    it('accepting an application of a known person applies the five mandate rules (handbook §8.4)', async () => {
      const c = await club(1)
      const person = (await c.staff('GET', `/memberships/${c.memberships[0]!.id}`)).person.id
      const accept = async (mandate: unknown, i: number) => {
        const submitted = await server.call('POST', `/public/organisations/${c.org}/applications`, {
          body: submissionFor(c, { lastName: 'Mitglied0', mandate: mandate as never }),
          clientAddress: `10.7.0.${i}`,
        })
        return c.staff('POST', `/applications/${submitted.json.id}/accept`, { existingPersonId: person })
      }
      const own = submissionFor(c).mandate!
      const same = await accept(own, 1)
      expect(same).toMatchObject({
        mandate: null,
        mandateDecision: { action: 'keep', reason: 'same-bank-details' },
        membership: { personId: person },
      })
      const none = await accept(undefined, 2)
      expect(none).toMatchObject({ mandate: null, mandateDecision: { action: 'keep', reason: 'no-bank-details' } })
      const other = await accept({ ...own, iban: validIbans.AT }, 3)
      expect(other).toMatchObject({
        mandate: { reference: expect.stringMatching(/^TSV-\d+-1$/) },
        mandateDecision: { action: 'create', reason: 'bank-details-differ' },
      })
      const stranger = await server.call(
        'POST',
        `/organisations/${c.org}/applications/${(await server.call('POST', `/public/organisations/${c.org}/applications`, { body: submissionFor(c), clientAddress: '10.7.0.9' })).json.id}/accept`,
        {
          apiKey: c.apiKey,
          body: { existingPersonId: '00000000-0000-4000-8000-000000000000' },
        },
      )
      expect(stranger).toMatchObject({ status: 404, json: { code: 'PERSON_NOT_FOUND' } })
    })
  })
}
