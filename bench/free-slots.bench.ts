// On-demand benchmark (never part of the tests): `npm run bench:slots` (the PostgreSQL part needs DATABASE_URL).
// A year of consultation hours for 50 consultants — 09:00–12:00 and 14:00–17:00 on every weekday, 30-minute slots,
// about 40% booked — then free-slot searches for a week (everyone), a month (everyone) and a quarter (one
// consultant): first core's `freeSlots` alone, next to the naive search (every slot checked against every
// appointment of its consultant) in the same run; then the staff route `GET /free-slots` on PostgreSQL, next to
// the two plain range queries it cannot do without (blocks and appointments of the range), in the same database.
import { addDays, daysBetween, type CalendarDate } from '@vereinskit/core'
import { freeSlots, instantAt, overlaps, slotsOf, type BookedTime, type StoredBlock } from '@vereinskit/core/appointments'
import { plainUnnestInsert, withBenchDatabase } from './bench-database'

const CONSULTANTS = Number(process.env.BENCH_CONSULTANTS ?? 50)
const RUNS = Number(process.env.BENCH_RUNS ?? 40)
const zone = 'Europe/Berlin'
const firstDay: CalendarDate = '2031-01-06' // a Monday
const ms = (start: number) => performance.now() - start
const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!
const fmt = (v: number) => `${v.toFixed(2)} ms`

function time(runs: number, work: () => unknown): number[] {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    times.push(ms(start))
  }
  return times
}
async function timeAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(ms(start))
  }
  return times
}
const report = (label: string, ours: number[], baseline: number[], baselineLabel: string) =>
  console.log(
    `${label.padEnd(34)} p50 ${fmt(pct(ours, 50))}  p95 ${fmt(pct(ours, 95))}   ${baselineLabel} p50 ${fmt(pct(baseline, 50))}  p95 ${fmt(pct(baseline, 95))}   ratio ${(pct(baseline, 50) / pct(ours, 50)).toFixed(1)}×`,
  )

/** The year's blocks and a deterministic 40% of their slots booked. */
function calendar(consultantIds: readonly string[]) {
  const blocks: StoredBlock[] = []
  const booked: BookedTime[] = []
  let n = 0
  for (let d = 0; d < 364; d++) {
    const date = addDays(firstDay, d)
    if (d % 7 >= 5) continue
    for (const consultantId of consultantIds) {
      for (const [from, to] of [
        ['09:00', '12:00'],
        ['14:00', '17:00'],
      ] as const) {
        const block: StoredBlock = {
          id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
          consultantId,
          date,
          from,
          to,
          startsAt: instantAt(date, from, zone),
          endsAt: instantAt(date, to, zone),
          typeId: null,
          locationId: null,
          timeZone: zone,
          slotMinutes: 30,
          plannable: true,
          onlineBookable: true,
          templateId: null,
        }
        blocks.push(block)
        slotsOf(block).forEach((slot, i) => {
          if ((n * 7 + i * 3) % 10 < 4) booked.push({ consultantId, ...slot })
        })
      }
    }
  }
  return { blocks, booked }
}

/** The naive search: every slot of every block in range checked against every appointment of its consultant. */
function naiveFreeSlots(
  blocks: readonly StoredBlock[],
  booked: readonly BookedTime[],
  from: CalendarDate,
  to: CalendarDate,
  consultantId?: string,
) {
  const free = []
  for (const block of blocks) {
    if (block.date < from || block.date > to || (consultantId && block.consultantId !== consultantId)) continue
    for (const slot of slotsOf(block)) {
      if (!booked.some((b) => b.consultantId === block.consultantId && overlaps(b, slot))) free.push(slot)
    }
  }
  return free
}

const consultantIds = Array.from({ length: CONSULTANTS }, (_, i) => `00000000-0000-4000-8000-c${String(i).padStart(11, '0')}`)
const { blocks, booked } = calendar(consultantIds)
console.log(`${CONSULTANTS} consultants, ${blocks.length} blocks, ${booked.length} appointments over a year`)
const week = { from: addDays(firstDay, 91), to: addDays(firstDay, 97) }
const month = { from: addDays(firstDay, 182), to: addDays(firstDay, 211) }
const quarter = { from: addDays(firstDay, 7), to: addDays(firstDay, 98), consultantId: consultantIds[7]! }
const inRange = (r: { from: CalendarDate; to: CalendarDate }) => {
  const a = instantAt(r.from, '00:00', zone).getTime()
  const b = instantAt(addDays(r.to, 1), '00:00', zone).getTime()
  return {
    blocks: blocks.filter((x) => x.startsAt.getTime() >= a && x.startsAt.getTime() < b),
    booked: booked.filter((x) => x.startsAt.getTime() < b && x.endsAt.getTime() > a),
  }
}

console.log('\ncore freeSlots over what the range loads, next to the naive search:')
for (const [label, range] of [
  ['a week, all consultants', week],
  ['a month, all consultants', month],
  ['a quarter, one consultant', quarter],
] as const) {
  const loaded = inRange(range)
  const consultantId = 'consultantId' in range ? range.consultantId : undefined
  const filter = { fromDate: range.from, toDate: range.to, ...(consultantId && { consultantIds: [consultantId] }) }
  const ours = freeSlots(loaded.blocks, loaded.booked, filter)
  const naive = naiveFreeSlots(loaded.blocks, loaded.booked, range.from, range.to, consultantId)
  if (ours.length !== naive.length) throw new Error(`${label}: ${ours.length} free slots, the naive search finds ${naive.length}`)
  const runs = Math.max(5, Math.round(RUNS / Math.max(1, daysBetween(range.from, range.to) / 7)))
  report(
    `${label} (${ours.length} free)`,
    time(runs, () => freeSlots(loaded.blocks, loaded.booked, filter)),
    time(Math.max(3, Math.round(runs / 4)), () => naiveFreeSlots(loaded.blocks, loaded.booked, range.from, range.to, consultantId)),
    'naive',
  )
}

const base = process.env.DATABASE_URL
if (!base) {
  console.log('\nSet DATABASE_URL for the PostgreSQL part (the benchmark creates and drops its own database next to it).')
} else {
  await withBenchDatabase(base, async ({ db, storage, organisationId, get }) => {
    const store = storage.forOrganisation(organisationId)
    const ids = new Map<string, string>()
    for (const [i, id] of consultantIds.entries()) {
      const created = await store.consultants.create({
        name: `Beraterin ${i}`,
        shortName: null,
        defaultDurationMinutes: 30,
        defaultLocationId: null,
        active: true,
        topicIds: [],
        email: null,
        staffUserId: null,
      })
      ids.set(id, created.id)
    }
    const { rows } = await db.query<{ id: string }>(
      `insert into persons (salutation, first_name, last_name, street, postcode, city, country) values ('none', 'Bench', 'Person', 'Weg 1', '10115', 'Berlin', 'DE') returning id`,
    )
    const personId = rows[0]!.id
    let start = performance.now()
    const blockIds = new Map<string, string>()
    for (let i = 0; i < blocks.length; i += 5000) {
      const chunk = blocks.slice(i, i + 5000)
      const stored = await store.calendar.insertBlocks(chunk.map((b) => ({ ...b, consultantId: ids.get(b.consultantId)! })))
      stored.forEach((s, j) => blockIds.set(chunk[j]!.id, s.id))
    }
    const blockMs = ms(start)
    const appointmentMs = await plainUnnestInsert(
      db,
      'appointments',
      [
        ['organisation_id', 'uuid'],
        ['consultant_id', 'uuid'],
        ['kind', 'text'],
        ['person_id', 'uuid'],
        ['starts_at', 'timestamptz'],
        ['ends_at', 'timestamptz'],
        ['time_zone', 'text'],
        ['title', 'text'],
        ['note', 'text'],
        ['booked_via', 'text'],
        ['created_by', 'text'],
      ],
      booked.map((b) => ({
        organisation_id: organisationId,
        consultant_id: ids.get(b.consultantId)!,
        kind: 'consultation',
        person_id: personId,
        starts_at: b.startsAt.toISOString(),
        ends_at: b.endsAt.toISOString(),
        time_zone: zone,
        title: '',
        note: '',
        booked_via: 'staff',
        created_by: 'bench',
      })),
    )
    await db.query('analyze appointment_blocks; analyze appointments')
    console.log(
      `\nloaded ${blocks.length} blocks in ${(blockMs / 1000).toFixed(1)} s, ${booked.length} appointments in ${(appointmentMs / 1000).toFixed(1)} s`,
    )
    console.log('GET /free-slots on PostgreSQL, next to the two range queries it needs:')
    for (const [label, range] of [
      ['a week, all consultants', week],
      ['a month, all consultants', month],
      ['a quarter, one consultant', quarter],
    ] as const) {
      const consultantId = 'consultantId' in range ? ids.get(range.consultantId) : undefined
      const path = `/free-slots?fromDate=${range.from}&toDate=${range.to}${consultantId ? `&consultantId=${consultantId}` : ''}`
      const a = instantAt(range.from, '00:00', zone)
      const b = instantAt(addDays(range.to, 1), '00:00', zone)
      const only = consultantId ? `and consultant_id = '${consultantId}'` : ''
      const floor = async () => {
        await db.query(`select * from appointment_blocks where organisation_id = $1 and starts_at >= $2 and starts_at < $3 ${only}`, [
          organisationId,
          a,
          b,
        ])
        await db.query(
          `select consultant_id, starts_at, ends_at from appointments where organisation_id = $1 and cancelled_at is null and starts_at < $3 and ends_at > $2 ${only}`,
          [organisationId, a, b],
        )
      }
      const answer = await get<{ items: unknown[] }>(path)
      await floor()
      const runs = Math.max(5, Math.round(RUNS / Math.max(1, daysBetween(range.from, range.to) / 7)))
      report(
        `${label} (${answer.items.length} free)`,
        await timeAsync(runs, () => get(path)),
        await timeAsync(runs, floor),
        'two range queries',
      )
    }
  })
}
