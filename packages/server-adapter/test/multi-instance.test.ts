import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { createRequestHandler, type RequestHandler } from '../src/create-request-handler'
import { createPostgresStorage } from '../src/storage/create-postgres-storage'
import { openPostgres } from '../src/storage/open-postgres'
import type { DatabaseConnection } from '../src/storage/database'
import type { Storage } from '../src/storage/storage'
import { startScheduler } from '../src/jobs/scheduler'
import { aClubWithFees, withSuccessorClass } from './money-fixtures'
import { submissionFor } from './fixtures'
import { useServer } from './http/harness'

const postgresUrl = inject('postgresUrl')
let now = new Date('2026-11-23T10:00:00Z')
const clock = { now: () => now }

/**
 * A database of its own: daily jobs run for every organisation in the database, and must neither wait for nor
 * change what the other test files do in the shared one.
 */
const isolated = (() => {
  if (!postgresUrl) return ''
  const url = new URL(postgresUrl)
  url.pathname = `/vk_multi_${process.pid}_${Date.now()}`
  return url.toString()
})()
const databaseName = isolated ? new URL(isolated).pathname.slice(1) : ''

async function openIsolated() {
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create database ${databaseName}`)
  await admin.end()
  const connection = await openPostgres({ connectionString: isolated })
  await connection.migrate()
  return connection
}

/** Two server instances on one PostgreSQL database: nothing they share may live in one process. */
describe.skipIf(!postgresUrl)('two server instances on one database', () => {
  const first = useServer({ name: 'postgres', open: openIsolated }, { clock })
  let secondConnection: DatabaseConnection
  let secondStorage: Storage
  let second: RequestHandler
  let admin: pg.Client
  beforeAll(async () => {
    secondConnection = await openPostgres({ connectionString: isolated })
    secondStorage = createPostgresStorage(secondConnection)
    second = createRequestHandler({ storage: secondStorage, clock })
    admin = new pg.Client({ connectionString: isolated })
    await admin.connect()
  })
  afterAll(async () => {
    await secondConnection.close()
    await admin.end()
    const cleanup = new pg.Client({ connectionString: postgresUrl })
    await cleanup.connect()
    await cleanup.query(`drop database if exists ${databaseName} with (force)`).catch(() => undefined)
    await cleanup.end()
  })

  const onSecond = async (method: string, path: string, init: { body?: unknown; apiKey?: string; clientAddress?: string } = {}) => {
    const response = await second(
      new Request(`http://api.test${path}`, {
        method,
        headers: {
          ...(init.body !== undefined && { 'content-type': 'application/json' }),
          ...(init.apiKey && { authorization: `Bearer ${init.apiKey}` }),
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      }),
      { clientAddress: init.clientAddress ?? '203.0.113.7' },
    )
    return { status: response.status, json: (await response.json()) as any }
  }

  it('share the public rate limit: ten submissions from one address in all, whichever instance takes them', async () => {
    const club = await aClubWithFees(first)
    const path = `/public/organisations/${club.org}/applications`
    const body = submissionFor(club, { lastName: '' })
    for (let i = 0; i < 10; i += 1) {
      const answer =
        i % 2 === 0
          ? await first.call('POST', path, { body, clientAddress: '198.51.100.9' })
          : await onSecond('POST', path, { body, clientAddress: '198.51.100.9' })
      expect(answer.status).toBe(422)
    }
    expect((await onSecond('POST', path, { body, clientAddress: '198.51.100.9' })).status).toBe(429)
    expect((await first.call('POST', path, { body, clientAddress: '198.51.100.9' })).status).toBe(429)
    expect((await onSecond('POST', path, { body, clientAddress: '198.51.100.10' })).status).toBe(422)
  })

  it('see each other’s run progress while the run is being applied', async () => {
    const club = await aClubWithFees(first, { members: 1 })
    await admin.query(
      `with p as (
         insert into persons (salutation, first_name, last_name, date_of_birth, street, postcode, city, country)
         select 'none', 'Test', 'Mitglied ' || g, '1980-01-01', 'Weg 1', '12345', 'Stadt', 'DE' from generate_series(1, 10000) g
         returning id),
       m as (
         insert into memberships (organisation_id, person_id, number, joined_on, payment_method)
         select $1, id, 200000 + row_number() over (), '2026-01-01', 'invoice' from p returning id)
       insert into fee_assignments (organisation_id, membership_id, fee_class_id, valid_from)
       select $1, id, $2, '2026-01-01' from m`,
      [club.org, club.feeClass.id],
    )
    const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
    let finished = false
    const applying = first
      .call('POST', `/organisations/${club.org}/charge-runs`, {
        apiKey: club.apiKey,
        body: { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey },
      })
      .finally(() => (finished = true))
    const seenBeforeTheAnswer = new Set<string>()
    while (!finished) {
      const progress = await onSecond('GET', `/organisations/${club.org}/run-progress/${preview.idempotencyKey}`, { apiKey: club.apiKey })
      if (!finished) seenBeforeTheAnswer.add(progress.json.phase)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect((await applying).status).toBe(201)
    expect([...seenBeforeTheAnswer].some((phase) => phase === 'planning' || phase === 'applying')).toBe(true)
    const done = await onSecond('GET', `/organisations/${club.org}/run-progress/${preview.idempotencyKey}`, { apiKey: club.apiKey })
    expect(done.json).toEqual({ phase: 'done', done: preview.charges.length, total: preview.charges.length })
  })

  it('run a daily job exactly once, however many instances schedule and trigger it', async () => {
    const club = await aClubWithFees(first)
    const successor = await withSuccessorClass(club)
    now = new Date('2026-12-31T10:00:00Z')
    const schedulers = await Promise.all([
      startScheduler({ connection: first.connection, storage: first.storage, clock }),
      startScheduler({ connection: secondConnection, storage: secondStorage, clock }),
    ])
    const runs = async () =>
      Number(
        (await admin.query(`select count(*) as n from daily_job_runs where organisation_id = $1 and job = 'successor-switch'`, [club.org]))
          .rows[0].n,
      )
    try {
      // Both instances tick at the same moment, twice, and the queue delivers further ticks to either worker.
      await Promise.all([...schedulers.map((s) => s.runDue()), ...schedulers.map((s) => s.runDue())])
      await Promise.all(schedulers.map((s) => s.trigger()))
      for (
        let i = 0;
        i < 100 &&
        (
          await admin.query(
            `select count(*) as n from pgboss.job where name = 'vereinskit-daily' and state in ('created', 'active', 'retry')`,
          )
        ).rows[0].n !== '0';
        i += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(await runs()).toBe(1)
      const assignments = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/fee-assignments`)
      expect(assignments.items.map((a: { feeClassId: string }) => a.feeClassId)).toEqual([club.feeClass.id, successor.id])
      const schedules = await admin.query(`select count(*) as n from pgboss.schedule where name = 'vereinskit-daily'`)
      expect(Number(schedules.rows[0].n)).toBe(1)
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()))
      now = new Date('2026-11-23T10:00:00Z')
    }
  })
})
