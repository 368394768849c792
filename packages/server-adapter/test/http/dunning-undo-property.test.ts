import { describe, expect } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { addDays } from '@vereinskit/core'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { withDunningLevels } from '../dunning-fixtures'
import { useServer } from './harness'

const [pglite] = engines()

describe('dunning runs applied then reversed newest first restore ledgers and dunning states exactly (property, PGlite)', () => {
  const server = useServer(pglite!, { clock: { now: () => new Date('2025-12-01T10:00:00Z') } })

  const scenario = fc.record({
    members: fc.integer({ min: 1, max: 3 }),
    payments: fc.array(fc.record({ member: fc.nat(), amount: fc.integer({ min: 1, max: 9000 }), day: fc.integer({ min: 0, max: 120 }) }), {
      maxLength: 3,
    }),
    /** Days after the charge on which runs are applied, in order. */
    runs: fc.uniqueArray(fc.integer({ min: 20, max: 200 }), { minLength: 1, maxLength: 4 }).map((days) => [...days].sort((a, b) => a - b)),
    /** Cancel one member's last letter before reversing. */
    cancelOne: fc.option(fc.nat(), { nil: undefined }),
  })

  test.prop([scenario], { numRuns: 12 })('accounts, open amounts and dunning states are as before the first run', async (s) => {
    const club = await aClubWithFees(server, { members: s.members })
    const charges = await club.staff('POST', '/charge-runs/preview', { asOf: '2025-04-15' })
    await club.staff('POST', '/charge-runs', { asOf: '2025-04-15', idempotencyKey: charges.idempotencyKey })
    await withDunningLevels(club)
    for (const p of s.payments) {
      const m = club.memberships[p.member % club.memberships.length]!
      await club.staff('POST', `/memberships/${m.id}/postings`, {
        accountId: club.accounts.bank.id,
        date: addDays('2025-04-15', p.day),
        amount: p.amount,
      })
    }
    const snapshot = async () =>
      Promise.all(
        club.memberships.map(async (m) => {
          const account = await club.staff('GET', `/memberships/${m.id}/account`)
          const state = await club.staff('GET', `/memberships/${m.id}/dunning`)
          const allocations = await Promise.all(
            account.postings
              .filter((p: { amount: number }) => p.amount > 0)
              .map((p: { id: string }) => club.staff('GET', `/postings/${p.id}/allocations`)),
          )
          return { account, allocations, state: { level: state.level, lastLetterOn: state.lastLetterOn } }
        }),
      )
    const before = await snapshot()
    const applied: string[] = []
    for (const days of s.runs) {
      const request = { asOf: addDays('2025-04-15', days) }
      const preview = await club.staff('POST', '/dunning-runs/preview', request)
      applied.push((await club.staff('POST', '/dunning-runs', { request, idempotencyKey: preview.idempotencyKey })).id)
    }
    if (s.cancelOne !== undefined) {
      const m = club.memberships[s.cancelOne % club.memberships.length]!
      await server.call('POST', `/organisations/${club.org}/memberships/${m.id}/dunning/cancel-last`, { apiKey: club.apiKey })
    }
    // Any older run is refused while a newer live one shares its members.
    if (applied.length > 1) {
      const oldest = await server.call('POST', `/organisations/${club.org}/dunning-runs/${applied[0]}/reverse`, { apiKey: club.apiKey })
      expect([200, 409]).toContain(oldest.status)
      if (oldest.status === 409) expect(oldest.json.code).toBe('DUNNING_REVERSAL_ORDER')
      else applied.shift()
    }
    for (const runId of [...applied].reverse()) await club.staff('POST', `/dunning-runs/${runId}/reverse`)
    expect(await snapshot()).toEqual(before)
  })
})
