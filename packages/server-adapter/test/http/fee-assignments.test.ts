import { describe, expect, it } from 'vitest'
import { paymentPlanTemplates } from '@vereinskit/core/fees'
import { engines } from '../engines'
import { aClubWithFees, withSuccessorClass } from '../money-fixtures'
import { submissionFor } from '../fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`fee classes and assignments over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

    it('gives an accepted member the classes of the chosen group, with the group amounts', async () => {
      const club = await aClubWithFees(server)
      const assignments = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/fee-assignments`)
      expect(assignments.items).toEqual([
        expect.objectContaining({
          feeClassId: club.feeClass.id,
          validFrom: '2025-04-15',
          validUntil: null,
          amount: 9600,
          paymentPlanId: null,
        }),
      ])
      const groups = await club.staff('GET', '/fee-class-groups')
      expect(groups.items.find((g: { id: string }) => g.id === club.groups.adults.id)).toMatchObject({
        offeredToday: true,
        items: [{ feeClassId: club.feeClass.id, amount: 9600 }],
      })
    })

    it('stops offering a group online once one of its classes has ended, and lets staff change groups', async () => {
      const club = await aClubWithFees(server)
      const form = () => server.call('GET', `/public/organisations/${club.org}/application-form`)
      expect((await form()).json.feeClassGroups.map((g: { name: string }) => g.name)).toContain('Erwachsene')
      await club.staff('PATCH', `/fee-classes/${club.feeClass.id}`, { validUntil: '2026-06-30' })
      expect((await form()).json.feeClassGroups.map((g: { name: string }) => g.name)).not.toContain('Erwachsene')
      const refused = await server.call('POST', `/public/organisations/${club.org}/applications`, {
        body: submissionFor(club, { mandate: undefined }),
        clientAddress: '10.77.0.1',
      })
      expect(refused.json.errors).toEqual([expect.objectContaining({ path: 'feeClassGroupId', code: 'not-offered' })])
      const groups = await club.staff('GET', '/fee-class-groups')
      expect(groups.items.find((g: { id: string }) => g.id === club.groups.adults.id).offeredToday).toBe(false)

      const youth = await club.staff('PATCH', `/fee-class-groups/${club.groups.youth.id}`, { isDefault: true, offeredOnline: false })
      expect(youth).toMatchObject({ isDefault: true, offeredOnline: false })
      const after = await club.staff('GET', '/fee-class-groups')
      expect(after.items.filter((g: { isDefault: boolean }) => g.isDefault).map((g: { id: string }) => g.id)).toEqual([
        club.groups.youth.id,
      ])
      expect((await form()).json.feeClassGroups).toEqual([])
    })

    it('refuses fee classes that post to a cash account or give a one-off class a successor', async () => {
      const club = await aClubWithFees(server)
      const base = {
        name: 'Neu',
        amount: 100,
        paymentPlanId: club.plans.yearly.id,
        validFrom: '2027-01-01',
        validUntil: null,
        accountId: club.accounts.fee.id,
        successorId: null,
      }
      const cash = await server.call('POST', `/organisations/${club.org}/fee-classes`, {
        apiKey: club.apiKey,
        body: { ...base, accountId: club.accounts.bank.id },
      })
      expect(cash.json.errors).toEqual([expect.objectContaining({ path: 'accountId', code: 'not-receivable' })])
      const oneOff = await club.staff('POST', '/payment-plans', { name: 'Einmalig', ...paymentPlanTemplates.oneOff })
      const admission = await server.call('POST', `/organisations/${club.org}/fee-classes`, {
        apiKey: club.apiKey,
        body: { ...base, name: 'Aufnahme', paymentPlanId: oneOff.id, validUntil: '2027-12-31', successorId: club.feeClass.id },
      })
      expect(admission.json.errors).toEqual([expect.objectContaining({ path: 'successorId', code: 'one-off-successor' })])
      const duplicate = await server.call('POST', `/organisations/${club.org}/fee-classes`, {
        apiKey: club.apiKey,
        body: { ...base, name: 'erwachsene' },
      })
      expect(duplicate.json.errors).toEqual([expect.objectContaining({ code: 'duplicate-name' })])
    })

    it('switches members to the successor class the day after the old class ends, idempotently (rule D6 (docs/decisions/0000))', async () => {
      const club = await aClubWithFees(server, { members: 2 })
      const successor = await withSuccessorClass(club)
      expect(await club.staff('POST', '/jobs/fee-class-successors', { asOf: '2026-12-30' })).toEqual({ switched: 0 })
      expect(await club.staff('POST', '/jobs/fee-class-successors', { asOf: '2026-12-31' })).toEqual({ switched: 2 })
      expect(await club.staff('POST', '/jobs/fee-class-successors', { asOf: '2027-01-05' })).toEqual({ switched: 0 })
      const assignments = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/fee-assignments`)
      expect(
        assignments.items.map((a: { feeClassId: string; validFrom: string; validUntil: string | null }) => [
          a.feeClassId,
          a.validFrom,
          a.validUntil,
        ]),
      ).toEqual([
        [club.feeClass.id, '2025-04-15', '2026-12-31'],
        [successor.id, '2027-01-01', null],
      ])
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2027-01-01' })
      expect(preview.charges.filter((c: { year: number }) => c.year === 2027).map((c: { amount: number }) => c.amount)).toEqual([
        10800, 10800,
      ])
    })

    it('changes class from a date, ending the old one the day before', async () => {
      const club = await aClubWithFees(server)
      const [current] = (await club.staff('GET', `/memberships/${club.memberships[0]!.id}/fee-assignments`)).items
      const changed = await club.staff('POST', `/fee-assignments/${current.id}/change`, {
        feeClassId: club.feeClass.id,
        from: '2026-07-01',
        paymentPlanId: club.plans.quarterly.id,
      })
      expect(changed.ended).toMatchObject({ validUntil: '2026-06-30' })
      expect(changed.started).toMatchObject({ validFrom: '2026-07-01', paymentPlanId: club.plans.quarterly.id })
      const early = await server.call('POST', `/organisations/${club.org}/fee-assignments/${changed.started.id}/change`, {
        apiKey: club.apiKey,
        body: { feeClassId: club.feeClass.id, from: '2026-07-01' },
      })
      expect(early.json.code).toBe('ASSIGNMENT_CHANGE_BEFORE_START')
    })

    it('refuses assignment periods that end before they start or start before the membership', async () => {
      const club = await aClubWithFees(server)
      const m = club.memberships[0]!.id
      const path = `/organisations/${club.org}/memberships/${m}/fee-assignments`
      const early = await server.call('POST', path, {
        apiKey: club.apiKey,
        body: { feeClassId: club.feeClass.id, validFrom: '2024-01-01' },
      })
      expect(early.json).toMatchObject({ status: 422, errors: [{ path: 'validFrom', code: 'before-joining' }] })
      const backwards = await server.call('POST', path, {
        apiKey: club.apiKey,
        body: { feeClassId: club.feeClass.id, validFrom: '2026-01-01', validUntil: '2025-12-31' },
      })
      expect(backwards.json).toMatchObject({ status: 422, errors: [{ path: 'validUntil', code: 'before-start' }] })
      const [current] = (await club.staff('GET', `/memberships/${m}/fee-assignments`)).items
      const endBeforeStart = await server.call('PATCH', `/organisations/${club.org}/fee-assignments/${current.id}`, {
        apiKey: club.apiKey,
        body: { validUntil: '2025-01-01' },
      })
      expect(endBeforeStart.json).toMatchObject({ status: 422, errors: [{ path: 'validUntil', code: 'before-start' }] })
      const endsEarly = await server.call('PATCH', `/organisations/${club.org}/memberships/${m}`, {
        apiKey: club.apiKey,
        body: { endsOn: '2025-01-01' },
      })
      expect(endsEarly.json).toMatchObject({ status: 422, errors: [{ path: 'endsOn', code: 'before-joining' }] })
    })

    it('removes a wrong assignment only while nothing was charged from it', async () => {
      const club = await aClubWithFees(server)
      const m = club.memberships[0]!.id
      const wrong = await club.staff('POST', `/memberships/${m}/fee-assignments`, { feeClassId: club.feeClass.id, validFrom: '2030-01-01' })
      expect(await club.staff('DELETE', `/fee-assignments/${wrong.id}`)).toEqual({ removed: true })
      const [charged] = (await club.staff('GET', `/memberships/${m}/fee-assignments`)).items
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      const refused = await server.call('DELETE', `/organisations/${club.org}/fee-assignments/${charged.id}`, { apiKey: club.apiKey })
      expect(refused).toMatchObject({ status: 409, json: { code: 'ASSIGNMENT_CHARGED' } })
    })
  })
}
