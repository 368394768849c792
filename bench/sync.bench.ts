// On-demand benchmark (never part of the tests): `npm run bench:sync` (the PostgreSQL part needs DATABASE_URL).
// 1. Core: the field diff and the three-way merge of 100,000 member records of 20 fields (1% changed), next to a
//    naive whole-record comparison (JSON text) in the same run. Goal: the diff under 300 ms.
// 2. PostgreSQL: an incremental pull with 1% of the linked members changed remotely, for two sizes of the member
//    list (BENCH_SYNC_MEMBERS, default 5000,20000), next to a full re-read of every record in the same database —
//    the cost of the incremental pull follows the changed records, not the total.
import { diffRecords, mergeRecords, uniformPolicy, type SyncRecord } from '@vereinskit/core/sync'
import { calendarDateAt } from '@vereinskit/core'
import {
  createRequestHandler,
  issueStaffApiKey,
  pullMemberDatabase,
  type MemberDatabaseConnector,
  type RemoteChange,
} from '@vereinskit/server-adapter'
import { withBenchDatabase } from './bench-database'
import { addBulkMemberships } from '../packages/server-adapter/test/bulk-memberships'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const ms = (start: number) => performance.now() - start
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function records(): { before: SyncRecord[]; after: SyncRecord[] } {
  const before: SyncRecord[] = []
  const after: SyncRecord[] = []
  for (let i = 0; i < RECORDS; i++) {
    const r: Record<string, string | number | boolean | null> = {}
    for (let f = 0; f < 20; f++)
      r[`field${f}`] = f % 4 === 0 ? i * 20 + f : f % 4 === 1 ? `Wert ${i}-${f}` : f % 4 === 2 ? i % 2 === 0 : null
    before.push(r)
    after.push(i % 100 === 7 ? { ...r, field1: `Neu ${i}`, field5: `Neu ${i}` } : { ...r })
  }
  return { before, after }
}

function coreDiff() {
  const { before, after } = records()
  const times = { diff: [] as number[], merge: [] as number[], naive: [] as number[] }
  let changed = 0
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now()
    changed = 0
    for (let i = 0; i < RECORDS; i++) changed += diffRecords(before[i]!, after[i]!).length > 0 ? 1 : 0
    times.diff.push(ms(start))
    start = performance.now()
    for (let i = 0; i < RECORDS; i++) mergeRecords({ base: before[i]!, local: before[i]!, remote: after[i]!, policy: uniformPolicy() })
    times.merge.push(ms(start))
    start = performance.now()
    let naive = 0
    for (let i = 0; i < RECORDS; i++) naive += JSON.stringify(before[i]) === JSON.stringify(after[i]) ? 0 : 1
    times.naive.push(ms(start))
    if (naive !== changed) throw new Error('the diff and the naive comparison disagree')
  }
  console.log(`core, ${RECORDS} records × 20 fields, ${changed} changed (median of ${RUNS}):`)
  console.log(`  field diff          ${median(times.diff).toFixed(1)} ms   (goal < 300 ms)`)
  console.log(`  three-way merge     ${median(times.merge).toFixed(1)} ms`)
  console.log(
    `  naive JSON compare  ${median(times.naive).toFixed(1)} ms   (whole records, no fields) → diff/naive ${(median(times.diff) / median(times.naive)).toFixed(2)}`,
  )
}

/** A remote member database in memory: records and a change log the pull reads from a cursor. */
function inMemoryRemote(count: number) {
  const records = new Map<string, Record<string, string>>()
  const log: string[] = []
  const connector: MemberDatabaseConnector = {
    checkCredentials: async () => 'write',
    create: async () => ({ remoteId: 'unused' }),
    update: async () => undefined,
    remove: async () => undefined,
    async changesSince(cursor) {
      const from = cursor === null ? 0 : Number(cursor)
      const ids = cursor === null ? [...records.keys()].slice(0, 1000) : log.slice(from, from + 1000)
      const next = cursor === null ? (records.size > 1000 ? 'full:1000' : String(log.length)) : String(Math.min(log.length, from + 1000))
      return { changes: ids.map((id): RemoteChange => ({ remoteId: id, record: records.get(id)!, version: 1 })), cursor: next }
    },
    listIds: async () => [...records.keys()],
  }
  // A full re-read pages through every record ("full:<offset>" cursors) and ends on the log's position.
  const full = connector.changesSince
  connector.changesSince = async (cursor) => {
    if (cursor?.startsWith('full:')) {
      const offset = Number(cursor.slice(5))
      const ids = [...records.keys()].slice(offset, offset + 1000)
      return {
        changes: ids.map((id) => ({ remoteId: id, record: records.get(id)!, version: 1 })),
        cursor: offset + 1000 >= records.size ? String(log.length) : `full:${offset + 1000}`,
      }
    }
    return full(cursor)
  }
  for (let n = 1; n <= count; n++) {
    records.set(`R-${n}`, {
      vorname: 'Test',
      nachname: `Mitglied ${n}`,
      geschlecht: 'female',
      geburtsdatum: '1980-01-01',
      strasse: 'Weg 1',
      plz: '12345',
      ort: 'Stadt',
      land: 'DE',
      mitgliedsnummer: String(n),
      eintritt: '2020-01-01',
      einzugsermaechtigung: 'Nein',
    })
  }
  return { connector, records, log }
}

async function pullAtSize(base: string, count: number) {
  return withBenchDatabase(base, async ({ db, storage, organisationId }) => {
    const remote = inMemoryRemote(count)
    const integration = { secretKey: 'bench-secret-0123456789', connect: () => remote.connector }
    const clock = { now: () => new Date('2031-03-03T10:00:00Z') }
    const handler = createRequestHandler({ storage, memberDatabase: integration, clock })
    const apiKey = await issueStaffApiKey(storage, organisationId, 'bench')
    const linked = await handler(
      new Request(`http://bench/organisations/${organisationId}/member-database`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ baseUrl: 'http://remote.invalid', region: 'DV Köln', username: 'bench', password: 'bench' }),
      }),
    )
    if (!linked.ok) throw new Error(`link: ${linked.status} ${await linked.text()}`)
    await addBulkMemberships(db, organisationId, { count, firstNumber: 1, joinedOn: '2020-01-01' })
    await db.query(`update member_database_links set last_pull_at = '2031-03-03T09:00:00Z', pull_cursor = '0' where organisation_id = $1`, [
      organisationId,
    ])
    await db.query(
      `insert into member_database_members (organisation_id, membership_id, remote_id, base, transferred_at)
       select m.organisation_id, m.id, 'R-' || m.number, jsonb_build_object('vorname', p.first_name, 'nachname', p.last_name,
              'geschlecht', 'female', 'geburtsdatum', p.date_of_birth::text, 'strasse', p.street, 'plz', p.postcode, 'ort', p.city,
              'land', p.country, 'mitgliedsnummer', m.number::text, 'eintritt', m.joined_on::text, 'einzugsermaechtigung', 'Nein'), now()
         from memberships m join persons p on p.id = m.person_id where m.organisation_id = $1`,
      [organisationId],
    )
    const own = storage.forOrganisation(organisationId)
    const changed = Math.max(1, Math.round(count / 100))
    for (let k = 0; k < changed; k++) {
      const id = `R-${1 + ((k * 97) % count)}`
      remote.records.set(id, { ...remote.records.get(id)!, plz: '99999' })
      remote.log.push(id)
    }
    const today = calendarDateAt(clock.now(), 'Europe/Berlin')
    let start = performance.now()
    const incremental = await pullMemberDatabase(own, integration, clock, today, { force: true })
    const incrementalMs = ms(start)
    await db.query(`update member_database_links set pull_cursor = 'full:0' where organisation_id = $1`, [organisationId])
    start = performance.now()
    const fullReport = await pullMemberDatabase(own, integration, clock, today, { force: true })
    const fullMs = ms(start)
    return { count, changed, incrementalMs, updated: incremental?.updated ?? 0, fullMs, fullUnchanged: fullReport?.unchanged ?? 0 }
  })
}

coreDiff()
const base = process.env.DATABASE_URL
if (!base) console.log('\nDATABASE_URL is not set: the PostgreSQL pull part is skipped.')
else {
  const sizes = (process.env.BENCH_SYNC_MEMBERS ?? '5000,20000').split(',').map(Number)
  console.log('\nincremental pull on PostgreSQL, 1% changed remotely (one transaction per changed member):')
  const results = []
  for (const size of sizes) {
    const r = await pullAtSize(base, size)
    results.push(r)
    console.log(
      `  ${String(r.count).padStart(7)} members, ${String(r.changed).padStart(5)} changed: incremental ${r.incrementalMs.toFixed(0)} ms (${(r.incrementalMs / r.changed).toFixed(2)} ms per change, ${r.updated} updated)   full re-read ${r.fullMs.toFixed(0)} ms   full/incremental ${(r.fullMs / r.incrementalMs).toFixed(1)}×`,
    )
  }
  if (results.length > 1) {
    const [small, large] = [results[0]!, results.at(-1)!]
    console.log(
      `  ${large.count / small.count}× the members: incremental ${(large.incrementalMs / small.incrementalMs).toFixed(1)}× the time for ${large.changed / small.changed}× the changes`,
    )
  }
}
