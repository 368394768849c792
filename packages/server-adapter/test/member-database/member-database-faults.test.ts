import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { calendarDateAt } from '@vereinskit/core'
import { mapToRemote, memberDatabaseMapping } from '@vereinskit/core/sync'
import { createRequestHandler, type RequestHandler } from '../../src/create-request-handler'
import { createPostgresStorage } from '../../src/storage/create-postgres-storage'
import { openPglite } from '../../src/storage/open-pglite'
import { openPostgres } from '../../src/storage/open-postgres'
import type { DatabaseConnection } from '../../src/storage/database'
import type { Storage } from '../../src/storage/storage'
import { dispatchOutbox } from '../../src/capabilities/member-database/push-member-changes'
import { pullMemberDatabase } from '../../src/capabilities/member-database/pull-member-database'
import { loadLocalMember } from '../../src/capabilities/member-database/member-sync-record'
import { aClub } from '../fixtures'
import { startFakeMemberDatabase, type FakeMemberDatabase } from './fake-member-database-process'

const postgresUrl = inject('postgresUrl')
const secretKey = 'fault-test-secret-0123456789'
const integration = { secretKey, timeoutMs: 150 }
const address = (street: string) => ({ street, postcode: '50667', city: 'Köln', country: 'DE' })

/** One "server process": a connection, its storage and its request handler, all made anew after a restart. */
interface Instance {
  connection: DatabaseConnection
  storage: Storage
  handler: RequestHandler
}

const engineList = [
  { name: 'pglite', dir: () => mkdtempSync(join(tmpdir(), 'vk-faults-')), open: (dir: string) => openPglite({ dataDir: dir }) },
  ...(postgresUrl ? [{ name: 'postgres', dir: () => '', open: () => openPostgres({ connectionString: postgresUrl }) }] : []),
]

for (const engine of engineList) {
  describe(`member database sync under faults (${engine.name})`, () => {
    let fake: FakeMemberDatabase
    let dir: string
    let now = new Date('2026-05-04T08:00:00Z')
    const clock = { now: () => now }
    let instance: Instance

    async function start(): Promise<Instance> {
      const connection = await engine.open(dir)
      await connection.migrate()
      const storage = createPostgresStorage(connection)
      return { connection, storage, handler: createRequestHandler({ storage, clock, memberDatabase: integration }) }
    }
    beforeAll(async () => {
      fake = await startFakeMemberDatabase()
      dir = engine.dir()
      instance = await start()
    })
    afterAll(async () => {
      await instance.connection.close()
      await fake.stop()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it('half the calls failing, answers dropped, timed out or duplicated: both sides end equal, every change applied once, and a restart loses nothing', async () => {
      const { organisation, apiKey } = await aClub(instance.storage, { membershipNumberRange: { from: 1, to: 99_999 } })
      const staff = async (method: string, path: string, body?: unknown) => {
        const response = await instance.handler(
          new Request(`http://api.test/organisations/${organisation.id}${path}`, {
            method,
            headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
            ...(body !== undefined && { body: JSON.stringify(body) }),
          }),
        )
        const json = (await response.json()) as any
        if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`)
        return json
      }
      const group = 'gruppe-faults'
      const remoteBefore = []
      for (let i = 0; i < 4; i++)
        remoteBefore.push(
          await fake.create(group, {
            vorname: `Remote${i}`,
            nachname: 'Verband',
            strasse: `Allee ${i}`,
            plz: '50667',
            ort: 'Köln',
            land: 'DE',
          }),
        )
      await staff('PUT', '/member-database', { baseUrl: fake.url, region: 'DV Köln', username: group, password: 'geheim' })
      await staff('POST', '/member-database/pull', {})
      const local: string[] = []
      for (let i = 0; i < 10; i++) {
        local.push(
          (
            await staff('POST', '/members', {
              person: { firstName: `Lokal${i}`, lastName: 'Verein', postalAddress: address(`Gasse ${i}`) },
              ignoreDuplicates: true,
            })
          ).membership.id,
        )
      }
      const own = () => instance.storage.forOrganisation(organisation.id)
      const today = () => calendarDateAt(now, 'Europe/Berlin')
      const round = async () => {
        now = new Date(now.getTime() + 11 * 60_000)
        await dispatchOutbox(own(), integration, clock).catch(() => undefined)
        await pullMemberDatabase(own(), integration, clock, today()).catch(() => undefined)
      }

      await fake.faults({ failRate: 0.5, dropRate: 0.1, timeoutRate: 0.1, timeoutMs: 400, duplicateRate: 0.3, seed: 7 })
      const personOf = async (membershipId: string) => (await staff('GET', `/memberships/${membershipId}`)).person.id as string
      for (let r = 0; r < 12; r++) {
        // Both sides keep working meanwhile: ours edits streets, theirs postcodes and phones; each side deletes one.
        if (r < 6) await staff('PATCH', `/persons/${await personOf(local[r]!)}`, { postalAddress: address(`Neue Gasse ${r}`) })
        if (r === 2) await staff('POST', `/member-database/members/${local[9]}/removal`)
        if (r === 3) await fake.update(remoteBefore[0]!, { plz: '50999', telefon: '0221 1234' })
        if (r === 4) await fake.remove(remoteBefore[1]!)
        if (r === 5)
          await fake.create(group, { vorname: 'Spät', nachname: 'Neu', strasse: 'Ring 1', plz: '50667', ort: 'Köln', land: 'DE' })
        if (r === 6) {
          // A restart: the process's state is gone, the database (and its outbox) stays.
          await instance.connection.close()
          instance = await start()
        }
        if (r === 7 && postgresUrl && engine.name === 'postgres') await killWorkerMidway(organisation.id, now, fake)
        await round()
      }

      await fake.faults({ failRate: 0, dropRate: 0, timeoutRate: 0, duplicateRate: 0 })
      for (let r = 0; r < 30 && (await own().memberDatabase.dueMemberships(new Date(now.getTime() + 86_400_000), 1)).length > 0; r++)
        await round()
      await pullMemberDatabase(own(), integration, clock, today(), { force: true, full: true })
      await dispatchOutbox(own(), integration, clock)

      // Both sides hold the same members with the same data.
      const remote = (await fake.state()).records
      const active = (await staff('GET', '/memberships?state=active&limit=100')).items as { id: string }[]
      const pairs = []
      for (const { id } of active) {
        const status = await staff('GET', `/member-database/members/${id}`)
        expect(status).toMatchObject({ status: 'transferred', pendingChanges: 0 })
        const member = await own().transaction((tx) => loadLocalMember(tx, id))
        pairs.push([status.remoteId, mapToRemote(member!.record, memberDatabaseMapping)])
      }
      expect(Object.fromEntries(pairs)).toEqual(remote)
      expect(active).toHaveLength(4 - 1 + 1 + 10 - 1)
      // Every change arrived: ours and theirs.
      expect(Object.values(remote).filter((r) => String(r['strasse']).startsWith('Neue Gasse'))).toHaveLength(6)
      expect(remote[remoteBefore[0]!]).toMatchObject({ plz: '50999', telefon: '0221 1234' })
      // Applied once: one create per member of ours, no key twice (the fake keeps a key's first answer).
      const applied = (await fake.state()).applied
      expect(Object.values(applied).every((n) => n === 1)).toBe(true)
      expect(Object.keys(applied).filter((k) => k.startsWith('create-'))).toHaveLength(10)
      expect((await fake.state()).calls).toBeGreaterThan(40)
    })
  })
}

/** Starts a second instance as its own process, lets it work against the faulty database, and kills it with SIGKILL. */
async function killWorkerMidway(organisationId: string, now: Date, fake: FakeMemberDatabase): Promise<void> {
  const callsBefore = (await fake.state()).calls
  const worker = fileURLToPath(new URL('./dispatch-worker.ts', import.meta.url))
  // node itself with tsx as a loader (not the tsx wrapper, whose child would survive the kill).
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=vereinskit:source', worker, postgresUrl, organisationId, secretKey, now.toISOString()],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('READY') && resolve())
    child.once('exit', (code) => reject(new Error(`the worker stopped before it was ready (${code})`)))
  })
  await new Promise((resolve) => setTimeout(resolve, 700))
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))
  // It was working when it died.
  expect((await fake.state()).calls).toBeGreaterThan(callsBefore)
}
