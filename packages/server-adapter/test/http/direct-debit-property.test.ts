import { describe, expect } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { addBusinessDays, addDays } from '@vereinskit/core'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { withDirectDebitSettings } from '../direct-debit-fixtures'
import { useServer } from './harness'

const [pglite] = engines()
const today = '2027-01-04'

/** One step staff may take; indexes pick among what exists at that moment. */
const step = fc.oneof(
  fc.record({ op: fc.constant('run' as const), days: fc.integer({ min: 2, max: 40 }) }),
  fc.record({ op: fc.constant('export' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('remove-debit' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('charge' as const),
    member: fc.nat(),
    amount: fc.integer({ min: 1, max: 5000 }),
    days: fc.integer({ min: 0, max: 30 }),
  }),
)

describe('direct-debit runs under any sequence of staff actions (property, PGlite)', () => {
  const server = useServer(pglite!, { clock: { now: () => new Date(`${today}T10:00:00Z`) } })

  test.prop([fc.integer({ min: 1, max: 3 }), fc.array(step, { minLength: 1, maxLength: 8 })], { numRuns: 12 })(
    'no item is collected twice, no mandate gets two FRST, and cancelling every export and deleting every run restores each account',
    async (members, steps) => {
      const club = await aClubWithFees(server, { members, joinedOn: '2027-01-01', paymentMethod: 'direct-debit' })
      await withDirectDebitSettings(club)
      const charges = await club.staff('POST', '/charge-runs/preview', { asOf: today })
      await club.staff('POST', '/charge-runs', { asOf: today, idempotencyKey: charges.idempotencyKey })
      const accounts = () => Promise.all(club.memberships.map((m) => club.staff('GET', `/memberships/${m.id}/account`)))
      const call = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })
      const runs: string[] = []
      const exports: { runId: string; id: string }[] = []
      let baseline = await accounts()
      let chargedDuringExport = false

      for (const s of steps) {
        if (s.op === 'charge') {
          const m = club.memberships[s.member % club.memberships.length]!
          await club.staff('POST', `/memberships/${m.id}/postings`, {
            accountId: club.accounts.fee.id,
            date: addDays(today, s.days),
            amount: -s.amount,
            text: 'Umlage',
          })
          // A charge booked while an export exists changes the account for good: compare with the baseline only otherwise.
          if (exports.length === 0) baseline = await accounts()
          else chargedDuringExport = true
        } else if (s.op === 'run') {
          const collectionDate = addBusinessDays(addDays(today, s.days), 0)
          const preview = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate })
          if (preview.debits.length === 0) continue
          const run = await club.staff('POST', '/direct-debit-runs', { collectionDate, idempotencyKey: preview.idempotencyKey })
          runs.push(run.id)
        } else if (s.op === 'export' && runs.length > 0) {
          const runId = runs[s.pick % runs.length]!
          const detail = await club.staff('GET', `/direct-debit-runs/${runId}`)
          const pending = detail.debits.find((d: { status: string }) => d.status === 'pending')
          if (!pending) continue
          const response = await call('POST', `/direct-debit-runs/${runId}/exports`, { sequenceType: pending.sequenceType })
          expect(response.status, JSON.stringify(response.json)).toBe(201)
          exports.push({ runId, id: response.json.id })
        } else if (s.op === 'cancel' && exports.length > 0) {
          const [e] = exports.splice(s.pick % exports.length, 1)
          expect(
            (await call('POST', `/direct-debit-runs/${e!.runId}/exports/${e!.id}/cancellation`, { confirmNotSentToBank: true })).status,
          ).toBe(200)
        } else if (s.op === 'remove-debit' && runs.length > 0) {
          const runId = runs[s.pick % runs.length]!
          const pending = (await club.staff('GET', `/direct-debit-runs/${runId}`)).debits.filter(
            (d: { status: string }) => d.status === 'pending',
          )
          if (pending.length > 0) await club.staff('DELETE', `/direct-debit-runs/${runId}/debits/${pending[s.pick % pending.length].id}`)
        } else if (s.op === 'delete' && runs.length > 0) {
          const runId = runs[s.pick % runs.length]!
          const response = await call('DELETE', `/direct-debit-runs/${runId}`)
          if (exports.some((e) => e.runId === runId))
            expect(response).toMatchObject({ status: 409, json: { code: 'DIRECT_DEBIT_RUN_EXPORTED' } })
          else {
            expect(response.status).toBe(200)
            runs.splice(runs.indexOf(runId), 1)
          }
        }

        // After every step: no posting is in two live debits, no mandate has two FRST collections, no debit
        // collects more than it settles, and an exported account never shows more than its charges as credit.
        const seen = new Set<string>()
        const firsts = new Map<string, number>()
        for (const runId of runs) {
          const detail = await club.staff('GET', `/direct-debit-runs/${runId}`)
          for (const d of detail.debits) {
            if (d.sequenceType === 'FRST') firsts.set(d.mandateId, (firsts.get(d.mandateId) ?? 0) + 1)
          }
        }
        for (const count of firsts.values()) expect(count).toBeLessThanOrEqual(1)
        const storage = server.storage.forOrganisation(club.org)
        const live = (await Promise.all(runs.map((id) => storage.directDebits.debits({ runId: id })))).flat()
        for (const item of await storage.directDebits.items(live.map((d) => d.id))) {
          expect(seen.has(item.postingId), `posting ${item.postingId} collected twice`).toBe(false)
          seen.add(item.postingId)
        }
        for (const account of await accounts()) expect(account.balance).toBeLessThanOrEqual(0)
      }

      for (const e of exports)
        await club.staff('POST', `/direct-debit-runs/${e.runId}/exports/${e.id}/cancellation`, { confirmNotSentToBank: true })
      for (const runId of runs) await club.staff('DELETE', `/direct-debit-runs/${runId}`)
      const after = await accounts()
      if (!chargedDuringExport) expect(after).toEqual(baseline)
      for (const account of after) {
        for (const p of account.postings) {
          expect(p.kind).not.toBe('direct-debit')
          if (p.amount < 0) expect(p.open).toBe(-p.amount)
        }
      }
    },
  )
})
