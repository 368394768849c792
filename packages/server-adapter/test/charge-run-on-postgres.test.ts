import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { createRequestHandler, type RequestHandler } from '../src/create-request-handler'
import { createPostgresStorage } from '../src/storage/create-postgres-storage'
import { openPostgres } from '../src/storage/open-postgres'
import type { DatabaseConnection } from '../src/storage/database'
import { aClubWithFees } from './money-fixtures'
import { useServer } from './http/harness'
import { count } from './count-rows'
import { addBulkMemberships } from './bulk-memberships'

const postgresUrl = inject('postgresUrl')
const clock = { now: () => new Date('2026-11-23T10:00:00Z') }

/** Adds `count` members (joined 1 January 2026, one yearly charge each), for volume. */
async function addMembers(admin: pg.Client, organisationId: string, feeClassId: string, count: number) {
  await addBulkMemberships(admin, organisationId, { count, firstNumber: 100_001, joinedOn: '2026-01-01' })
  await admin.query(
    `insert into fee_assignments (organisation_id, membership_id, fee_class_id, valid_from)
     select $1, id, $2, '2026-01-01' from memberships where organisation_id = $1 and number >= 100001`,
    [organisationId, feeClassId],
  )
}

describe.skipIf(!postgresUrl)('charge runs against PostgreSQL', () => {
  const server = useServer({ name: 'postgres', open: () => openPostgres({ connectionString: postgresUrl }) }, { clock })
  let admin: pg.Client
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
  })
  afterAll(() => admin.end())

  const apply = (handler: RequestHandler, organisationId: string, apiKey: string, body: unknown) =>
    handler(
      new Request(`http://api.test/organisations/${organisationId}/charge-runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ).then(async (r) => ({ status: r.status, json: (await r.json()) as { id: string; code?: string } }))

  it('applied twice, or three times at once from two server processes, leaves exactly one run', async () => {
    const club = await aClubWithFees(server, { members: 1 })
    await addMembers(admin, club.org, club.feeClass.id, 500)
    const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
    expect(preview.charges).toHaveLength(502)

    const second: DatabaseConnection = await openPostgres({ connectionString: postgresUrl })
    const otherProcess = createRequestHandler({ storage: createPostgresStorage(second), clock })
    const body = { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey }
    const results = await Promise.all([
      apply(server.handler, club.org, club.apiKey, body),
      apply(otherProcess, club.org, club.apiKey, body),
      apply(otherProcess, club.org, club.apiKey, body),
    ])
    const again = await apply(server.handler, club.org, club.apiKey, body)
    await second.close()

    expect(results.map((r) => r.status)).toEqual([201, 201, 201])
    expect(new Set([...results, again].map((r) => r.json.id)).size).toBe(1)
    expect(await count(admin, `select count(*) as n from runs where organisation_id = $1 and kind = 'charge'`, [club.org])).toBe(1)
    expect(await count(admin, `select count(*) as n from postings where organisation_id = $1`, [club.org])).toBe(502)
  })

  it('two different runs at once never charge an instalment twice', async () => {
    const club = await aClubWithFees(server, { members: 1 })
    await addMembers(admin, club.org, club.feeClass.id, 300)
    const early = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-06-30' })
    const late = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
    const results = await Promise.all([
      apply(server.handler, club.org, club.apiKey, { asOf: '2026-06-30', idempotencyKey: early.idempotencyKey }),
      apply(server.handler, club.org, club.apiKey, { asOf: '2026-11-23', idempotencyKey: late.idempotencyKey }),
    ])
    // Whichever ran second found the data changed and was refused, or had nothing left to add.
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1)
    for (const r of results) if (r.status !== 201) expect(r.json.code).toBe('RUN_PLAN_CHANGED')
    const duplicates = await count(
      admin,
      `select count(*) as n from (select charge_assignment_id, charge_year, sum(-amount) as total from postings
         where organisation_id = $1 group by 1, 2 having sum(-amount) > 9600) x`,
      [club.org],
    )
    expect(duplicates).toBe(0)
  })

  it('retried after its connection is killed mid-run, posts exactly one run', async () => {
    const club = await aClubWithFees(server, { members: 1 })
    await addMembers(admin, club.org, club.feeClass.id, 20_000)
    const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
    const total = preview.charges.length

    const victim = await openPostgres({ connectionString: postgresUrl, applicationName: 'vk-kill-test' })
    const handler = createRequestHandler({ storage: createPostgresStorage(victim), clock })
    const body = { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey }
    const attempt = apply(handler, club.org, club.apiKey, body)
    const progressOf = async () => {
      const response = await handler(
        new Request(`http://api.test/organisations/${club.org}/run-progress/${preview.idempotencyKey}`, {
          headers: { authorization: `Bearer ${club.apiKey}` },
        }),
      )
      return (await response.json()) as { phase: string; done: number }
    }
    for (let i = 0; i < 2000; i += 1) {
      const progress = await progressOf()
      if ((progress.phase === 'applying' && progress.done >= 3000) || progress.phase === 'done') break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect((await progressOf()).phase).toBe('applying')
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'vk-kill-test'`)
    const failed = await attempt
    expect(failed.status).toBe(500)
    expect(await count(admin, `select count(*) as n from postings where organisation_id = $1`, [club.org])).toBe(0)
    expect(await count(admin, `select count(*) as n from runs where organisation_id = $1`, [club.org])).toBe(0)

    const retried = await apply(handler, club.org, club.apiKey, body)
    await victim.close()
    expect(retried.status).toBe(201)
    expect(
      await count(admin, `select count(*) as n from postings where organisation_id = $1 and run_id = $2`, [club.org, retried.json.id]),
    ).toBe(total)
    expect(await count(admin, `select count(*) as n from postings where organisation_id = $1`, [club.org])).toBe(total)
  })
})
