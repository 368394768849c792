import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { createRequestHandler, type RequestHandler } from '../src/create-request-handler'
import { createPostgresStorage } from '../src/storage/create-postgres-storage'
import { openPostgres } from '../src/storage/open-postgres'
import { aClubWithFees } from './money-fixtures'
import { withDunningLevels } from './dunning-fixtures'
import { useServer } from './http/harness'
import { count } from './count-rows'
import { addBulkMemberships } from './bulk-memberships'

const postgresUrl = inject('postgresUrl')
const clock = { now: () => new Date('2025-05-20T10:00:00Z') }

/** Adds `count` members, each with an open debit of 96,00 € booked 2025-01-01, for volume. */
async function addDebtors(admin: pg.Client, organisationId: string, accountId: string, count: number) {
  await addBulkMemberships(admin, organisationId, { count, firstNumber: 200_001, joinedOn: '2025-01-01' })
  await admin.query(
    `insert into postings (organisation_id, membership_id, account_id, date, amount, text, kind, created_by)
     select $1, id, $2, '2025-01-01', -9600, 'Mitgliedsbeitrag 2025', 'manual', 'test' from memberships
     where organisation_id = $1 and number >= 200001`,
    [organisationId, accountId],
  )
}

const post = (handler: RequestHandler, organisationId: string, apiKey: string, path: string, body?: unknown) =>
  handler(
    new Request(`http://api.test/organisations/${organisationId}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  ).then(async (r) => ({ status: r.status, json: (await r.json()) as { id: string; code?: string; phase?: string; done?: number } }))

describe.skipIf(!postgresUrl)('dunning runs against PostgreSQL', () => {
  const server = useServer({ name: 'postgres', open: () => openPostgres({ connectionString: postgresUrl }) }, { clock })
  let admin: pg.Client
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
  })
  afterAll(() => admin.end())

  /** A club with `count` debtors, a 1,00 € reminder fee, and the dunning run of 2025-05-20 previewed. */
  async function debtorsPreviewed(count: number) {
    const club = await aClubWithFees(server, { members: 1 })
    await withDunningLevels(club, { 1: { fee: 100, feeAccountId: club.accounts.cost.id } })
    await addDebtors(admin, club.org, club.accounts.fee.id, count)
    const request = { asOf: '2025-05-20' }
    return { club, request, preview: await club.staff('POST', '/dunning-runs/preview', request) }
  }

  it('applied three times at once from two server processes books its fees once', async () => {
    const { club, request, preview } = await debtorsPreviewed(400)
    expect(preview.letters).toHaveLength(400)
    const second = await openPostgres({ connectionString: postgresUrl })
    const otherProcess = createRequestHandler({ storage: createPostgresStorage(second), clock })
    const body = { request, idempotencyKey: preview.idempotencyKey }
    const results = await Promise.all([
      post(server.handler, club.org, club.apiKey, '/dunning-runs', body),
      post(otherProcess, club.org, club.apiKey, '/dunning-runs', body),
      post(otherProcess, club.org, club.apiKey, '/dunning-runs', body),
    ])
    await second.close()
    expect(results.map((r) => r.status)).toEqual([201, 201, 201])
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1)
    expect(await count(admin, `select count(*) as n from postings where organisation_id = $1 and kind = 'dunning-fee'`, [club.org])).toBe(
      400,
    )
    expect(await count(admin, `select count(*) as n from dunning_letters where organisation_id = $1`, [club.org])).toBe(400)
    expect(await count(admin, `select count(distinct number) as n from dunning_letters where organisation_id = $1`, [club.org])).toBe(400)
  })

  it('killed mid-apply leaves nothing, and the retry applies it exactly once', async () => {
    const { club, request, preview } = await debtorsPreviewed(15_000)
    const victim = await openPostgres({ connectionString: postgresUrl, applicationName: 'vk-dunning-kill' })
    const handler = createRequestHandler({ storage: createPostgresStorage(victim), clock })
    const body = { request, idempotencyKey: preview.idempotencyKey }
    const attempt = post(handler, club.org, club.apiKey, '/dunning-runs', body)
    for (let i = 0; i < 4000; i += 1) {
      const progress = (await post(handler, club.org, club.apiKey, `/run-progress/${preview.idempotencyKey}`)).json
      if ((progress.phase === 'applying' && (progress.done ?? 0) >= 2000) || progress.phase === 'done') break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'vk-dunning-kill'`)
    expect((await attempt).status).toBe(500)
    for (const table of ['dunning_letters', 'documents', 'runs']) {
      expect(await count(admin, `select count(*) as n from ${table} where organisation_id = $1`, [club.org]), table).toBe(0)
    }
    expect(await count(admin, `select count(*) as n from postings where organisation_id = $1 and kind = 'dunning-fee'`, [club.org])).toBe(0)
    expect(
      await count(admin, `select count(*) as n from dunning_states where organisation_id = $1 and level is not null`, [club.org]),
    ).toBe(0)

    const retried = await post(handler, club.org, club.apiKey, '/dunning-runs', body)
    await victim.close()
    expect(retried.status).toBe(201)
    expect(await count(admin, `select count(*) as n from postings where organisation_id = $1 and kind = 'dunning-fee'`, [club.org])).toBe(
      15_000,
    )
    expect(await count(admin, `select count(*) as n from dunning_states where organisation_id = $1 and level = 1`, [club.org])).toBe(15_000)
  })
})
