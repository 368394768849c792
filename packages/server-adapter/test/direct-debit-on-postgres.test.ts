import { describe, expect, inject, it } from 'vitest'
import { openPostgres } from '../src/storage/open-postgres'
import { aClubWithFees } from './money-fixtures'
import { camt054, directDebitRun, withDirectDebitSettings } from './direct-debit-fixtures'
import { useServer } from './http/harness'

const postgresUrl = inject('postgresUrl')
const clock = { now: () => new Date('2027-01-04T10:00:00Z') }

describe.skipIf(!postgresUrl)('direct debits against PostgreSQL, with requests racing', () => {
  const server = useServer({ name: 'postgres', open: () => openPostgres({ connectionString: postgresUrl }) }, { clock })

  async function clubWithRun() {
    const club = await aClubWithFees(server, { members: 3, joinedOn: '2027-01-01', paymentMethod: 'direct-debit' })
    await withDirectDebitSettings(club)
    const charges = await club.staff('POST', '/charge-runs/preview', { asOf: '2027-01-04' })
    await club.staff('POST', '/charge-runs', { asOf: '2027-01-04', idempotencyKey: charges.idempotencyKey })
    return club
  }

  it('two exports of the same sequence type at once: one writes the file and books, the other finds nothing left', async () => {
    const club = await clubWithRun()
    const { run } = await directDebitRun(club, '2027-01-15')
    const path = `/organisations/${club.org}/direct-debit-runs/${run.id}/exports`
    const answers = await Promise.all(
      [1, 2, 3].map(() => server.call('POST', path, { apiKey: club.apiKey, body: { sequenceType: 'FRST' } })),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409])
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.code)).toEqual([
      'DIRECT_DEBIT_EXPORT_EMPTY',
      'DIRECT_DEBIT_EXPORT_EMPTY',
    ])
    for (const m of club.memberships) expect((await club.staff('GET', `/memberships/${m.id}/account`)).balance).toBe(0)
  })

  it('two runs for the same date at once never collect an item twice', async () => {
    const club = await clubWithRun()
    const first = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-15' })
    const second = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2027-01-18' })
    const answers = await Promise.all([
      server.call('POST', `/organisations/${club.org}/direct-debit-runs`, {
        apiKey: club.apiKey,
        body: { collectionDate: '2027-01-15', idempotencyKey: first.idempotencyKey },
      }),
      server.call('POST', `/organisations/${club.org}/direct-debit-runs`, {
        apiKey: club.apiKey,
        body: { collectionDate: '2027-01-18', idempotencyKey: second.idempotencyKey },
      }),
    ])
    // Runs of one organisation go one at a time; the later one finds the items taken and its plan changed.
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect(answers.find((a) => a.status === 409)!.json.code).toBe('RUN_PLAN_CHANGED')
  })

  it('the same bank file uploaded twice at once is booked once', async () => {
    const club = await clubWithRun()
    const content = camt054(
      'RACE-1',
      [{ creditDebit: 'CRDT', amount: '96.00', reference: 'RACE-R1', remittance: 'Mitglied 1001' }],
      '2027-01-05',
    )
    const answers = await Promise.all(
      [1, 2].map((i) =>
        server.call('POST', `/organisations/${club.org}/bank-files`, { apiKey: club.apiKey, body: { fileName: `race-${i}.xml`, content } }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect((await club.staff('GET', `/memberships/${club.memberships[1]!.id}/account`)).balance).toBe(0)
  })
})
