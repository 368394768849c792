import { describe, expect, it } from 'vitest'
import { paymentPlanTemplates } from '@vereinskit/core/fees'
import { engines } from '../engines'
import { aClub } from '../fixtures'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`money-chain rules over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

    it('a backdated invoice run does not invoice debt paid after its invoice date (handbook §6.2 Rechnungen, 0010)', async () => {
      const club = await aClubWithFees(server, { members: 2, joinedOn: '2026-01-01' })
      const [paid, unpaid] = club.memberships
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      // Paid on 15 November; staff run the invoices for 1 November afterwards.
      await club.staff('POST', `/memberships/${paid!.id}/postings`, { accountId: club.accounts.bank.id, date: '2026-11-15', amount: 9600 })
      const invoices = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-01' })
      expect(invoices.invoices.map((i: { membershipId: string; total: number }) => [i.membershipId, i.total])).toEqual([[unpaid!.id, 9600]])
      // Debt that falls due after the invoice date is not on it either.
      await club.staff('POST', `/memberships/${unpaid!.id}/postings`, {
        accountId: club.accounts.cost.id,
        date: '2026-11-20',
        amount: -300,
      })
      const again = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-01' })
      expect(again.invoices[0].total).toBe(9600)
    })

    it('refuses to assign a hidden fee class or one not valid on the first day (handbook §11.7)', async () => {
      const club = await aClubWithFees(server)
      const m = club.memberships[0]!.id
      const old = await club.staff('POST', '/fee-classes', {
        name: 'Alt',
        amount: 5000,
        paymentPlanId: club.plans.yearly.id,
        validFrom: '2000-01-01',
        validUntil: '2025-12-31',
        accountId: club.accounts.fee.id,
        successorId: null,
      })
      const expired = await server.call('POST', `/organisations/${club.org}/memberships/${m}/fee-assignments`, {
        apiKey: club.apiKey,
        body: { feeClassId: old.id, validFrom: '2026-01-01' },
      })
      expect(expired).toMatchObject({
        status: 422,
        json: { code: 'FEE_CLASS_NOT_ASSIGNABLE', detail: expect.stringContaining('2025-12-31') },
      })
      await club.staff('PATCH', `/fee-classes/${club.feeClass.id}`, { showInMembership: false })
      const hidden = await server.call('POST', `/organisations/${club.org}/memberships/${m}/fee-assignments`, {
        apiKey: club.apiKey,
        body: { feeClassId: club.feeClass.id, validFrom: '2027-01-01' },
      })
      expect(hidden).toMatchObject({ status: 422, json: { code: 'FEE_CLASS_NOT_ASSIGNABLE', detail: expect.stringContaining('hidden') } })
      const [current] = (await club.staff('GET', `/memberships/${m}/fee-assignments`)).items
      const change = await server.call('POST', `/organisations/${club.org}/fee-assignments/${current.id}/change`, {
        apiKey: club.apiKey,
        body: { feeClassId: old.id, from: '2026-06-01' },
      })
      expect(change).toMatchObject({ status: 422, json: { code: 'FEE_CLASS_NOT_ASSIGNABLE' } })
      expect((await club.staff('GET', `/memberships/${m}/fee-assignments`)).items).toHaveLength(1)
    })

    it("corrects an assignment's first day only while nothing was charged from it (handbook §11.7 Beitragsklassen)", async () => {
      const club = await aClubWithFees(server, { joinedOn: '2025-04-15' })
      const m = club.memberships[0]!.id
      const [assignment] = (await club.staff('GET', `/memberships/${m}/fee-assignments`)).items
      const moved = await club.staff('PATCH', `/fee-assignments/${assignment.id}`, { validFrom: '2025-07-01' })
      expect(moved.validFrom).toBe('2025-07-01')
      const early = await server.call('PATCH', `/organisations/${club.org}/fee-assignments/${assignment.id}`, {
        apiKey: club.apiKey,
        body: { validFrom: '2025-01-01' },
      })
      expect(early).toMatchObject({
        status: 422,
        json: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ code: 'before-joining' })] },
      })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      expect(preview.charges[0]).toMatchObject({ date: '2025-07-01', amount: 4800 })
      await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      const refused = await server.call('PATCH', `/organisations/${club.org}/fee-assignments/${assignment.id}`, {
        apiKey: club.apiKey,
        body: { validFrom: '2025-05-01' },
      })
      expect(refused).toMatchObject({ status: 409, json: { code: 'ASSIGNMENT_CHARGED' } })
    })

    it('editing a payment plan changes future charges and never charges a charged period again (handbook §9.10.8 Zahlungspläne)', async () => {
      const club = await aClubWithFees(server, { joinedOn: '2024-01-01' })
      const m = club.memberships[0]!.id
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-02-01' })
      await club.staff('POST', '/charge-runs', { asOf: '2026-02-01', idempotencyKey: preview.idempotencyKey })
      const edited = await club.staff('PATCH', `/payment-plans/${club.plans.yearly.id}`, {
        name: 'Jährlich, ab 2027 vierteljährlich',
        laterYears: paymentPlanTemplates.quarterly.laterYears,
      })
      expect(edited.laterYears.instalments).toHaveLength(4)
      expect((await club.staff('POST', '/charge-runs/preview', { asOf: '2026-12-31' })).charges).toEqual([])
      const next = await club.staff('POST', '/charge-runs/preview', { asOf: '2027-04-01' })
      expect(next.charges.map((c: { date: string; amount: number }) => [c.date, c.amount])).toEqual([
        ['2027-01-01', 2400],
        ['2027-04-01', 2400],
      ])
      const invalid = await server.call('PATCH', `/organisations/${club.org}/payment-plans/${club.plans.yearly.id}`, {
        apiKey: club.apiKey,
        body: { laterYears: { basis: 'full', instalments: [{ due: 'start', weight: 1 }] } },
      })
      expect(invalid).toMatchObject({ status: 422, json: { code: 'VALIDATION_FAILED' } })
      expect((await club.staff('GET', `/memberships/${m}/account`)).balance).toBe(-3 * 9600)
    })

    it('lets staff change website origins and the privacy notice, and refuses unknown settings', async () => {
      const club = await aClub(server.storage)
      const staff = (body: unknown) =>
        server.call('PATCH', `/organisations/${club.organisation.id}/settings`, { apiKey: club.apiKey, body })
      const changed = await staff({ websiteOrigins: ['https://neu.example'], privacyNoticeUrl: 'https://neu.example/datenschutz' })
      expect(changed).toMatchObject({ status: 200, json: { websiteOrigins: ['https://neu.example'], invoiceMinimumDebt: 1 } })
      const form = await server.call('GET', `/public/organisations/${club.organisation.id}/application-form`, {
        origin: 'https://neu.example',
      })
      expect(form).toMatchObject({ status: 200, json: { privacyNoticeUrl: 'https://neu.example/datenschutz', applicationsOpen: true } })
      expect(form.headers.get('access-control-allow-origin')).toBe('https://neu.example')
      expect((await staff({ websiteOrigin: ['https://typo.example'] })).json).toMatchObject({ code: 'VALIDATION_FAILED' })
      expect((await staff({ websiteOrigins: ['https://neu.example/pfad'] })).json.errors[0]).toMatchObject({ path: 'websiteOrigins.0' })
      // Groups are offered online: the privacy notice they link to cannot be removed.
      const removed = await staff({ privacyNoticeUrl: null })
      expect(removed).toMatchObject({ status: 422, json: { errors: [expect.objectContaining({ code: 'privacy-notice-required' })] } })
    })

    it('says online applications are closed when no group is offered, and preselects the configured payment method', async () => {
      const club = await aClubWithFees(server)
      const form = () => server.call('GET', `/public/organisations/${club.org}/application-form`)
      expect((await form()).json).toMatchObject({ applicationsOpen: true, preselectedPaymentMethod: 'direct-debit' })
      await club.staff('PATCH', '/settings', { invoiceMinimumDebt: 500 })
      await club.staff('PATCH', '/settings', { applicationPaymentMethod: 'invoice' })
      expect((await form()).json.preselectedPaymentMethod).toBe('invoice')
      // One change never resets another setting to its default.
      expect(await club.staff('GET', '/settings')).toMatchObject({ invoiceMinimumDebt: 500, applicationPaymentMethod: 'invoice' })
      for (const group of [club.groups.adults, club.groups.youth]) {
        await club.staff('PATCH', `/fee-class-groups/${group.id}`, { offeredOnline: false })
      }
      expect((await form()).json).toMatchObject({ applicationsOpen: false, feeClassGroups: [] })
    })
  })
}

describe('deleting credits (handbook §11.8 Konto, handbook §11.8 Konto, 0011)', () => {
  const [engine] = engines()
  const server = useServer(engine!, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

  it('deletes a payment, allocated or not, and opens what it settled; keeps reversed and run-made credits', async () => {
    const club = await aClubWithFees(server, { joinedOn: '2026-01-01' })
    const m = club.memberships[0]!.id
    const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
    await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
    const wrong = await club.staff('POST', `/memberships/${m}/postings`, {
      accountId: club.accounts.bank.id,
      date: '2026-03-01',
      amount: 9600,
    })
    expect((await club.staff('GET', `/memberships/${m}/account`)).balance).toBe(0)
    expect(await club.staff('DELETE', `/postings/${wrong.id}`)).toEqual({ deleted: true })
    const account = await club.staff('GET', `/memberships/${m}/account`)
    expect(account).toMatchObject({ balance: -9600, postings: [expect.objectContaining({ kind: 'charge', open: 9600 })] })

    const unallocated = await club.staff('POST', `/memberships/${m}/postings`, {
      accountId: club.accounts.bank.id,
      date: '2026-03-01',
      amount: 100,
    })
    const reversed = await club.staff('POST', `/memberships/${m}/postings`, {
      accountId: club.accounts.bank.id,
      date: '2026-03-02',
      amount: 200,
    })
    const reversal = await club.staff('POST', `/postings/${reversed.id}/reverse`, {})
    for (const id of [reversed.id, reversal.id]) {
      const refused = await server.call('DELETE', `/organisations/${club.org}/postings/${id}`, { apiKey: club.apiKey })
      expect(refused).toMatchObject({ status: 409, json: { code: 'POSTING_IN_USE' } })
    }
    expect(await club.staff('DELETE', `/postings/${unallocated.id}`)).toEqual({ deleted: true })
    expect((await club.staff('GET', `/memberships/${m}/account`)).balance).toBe(-9600)
  })
})
