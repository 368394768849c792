// On-demand benchmark (never part of the tests): `npm run bench:dunning` (needs DATABASE_URL for the PostgreSQL part).
// 1. planDunningRun in core for N memberships with open items, in memory, next to a tight loop building the same letters.
// 2. Preview and apply of that run on PostgreSQL through the request handler (fees, letters, documents, levels,
//    posting uses), next to a plain batched INSERT of exactly the same fee postings into the same table.
import { addDays } from '@vereinskit/core'
import { dunningLevel, noDunning, planDunningRun, type DunningCandidate } from '@vereinskit/core/dunning'
import { plainUnnestInsert, withBenchDatabase } from './bench-database'
import { addBulkMemberships } from '../packages/server-adapter/test/bulk-memberships'

const N = Number(process.env.BENCH_MEMBERSHIPS ?? 100_000)
const asOf = '2025-06-30'
const ms = (start: number) => performance.now() - start
const account = {
  id: 'acc-dunning',
  number: '4100',
  name: 'Mahngebühr',
  type: 'receivable' as const,
  receivableKind: 'dunning-costs' as const,
  priority: 2,
}
const levels = [
  dunningLevel({ number: 1, first: true, days: 30, minimum: 500, fee: 0, text: 'Zahlungserinnerung', nextLevel: 2 }),
  dunningLevel({ number: 2, days: 14, minimum: 500, fee: 250, feeAccountId: account.id, text: '1. Mahnung', nextLevel: 3 }),
  dunningLevel({ number: 3, last: true, days: 14, minimum: 500, fee: 500, feeAccountId: account.id, text: 'Inkasso' }),
]

/** Half the members without a level (first letters), half at level 1 since 2025-05-01 (follow-ups); 96 € open each. */
function candidates(): DunningCandidate[] {
  return Array.from({ length: N }, (_, i) => ({
    membershipId: `m${i}`,
    membershipNumber: i + 1,
    state: i % 2 === 0 ? noDunning : { ...noDunning, level: 1, lastLetterOn: '2025-05-01' },
    processingBlocked: false,
    addressInvalid: false,
    recipient: {
      salutation: 'Guten Tag,',
      name: `Mitglied ${i}`,
      address: { street: 'Weg 1', postcode: '12345', city: 'Stadt', country: 'DE' },
    },
    channel: 'letter',
    openItems: [
      {
        side: 'debit',
        postingId: `p${i}`,
        membershipId: `m${i}`,
        accountId: 'acc-fee',
        date: addDays('2025-01-01', i % 90),
        text: 'Beitrag',
        amount: 9600,
        settled: 0,
        open: 9600,
      },
    ],
    unallocatedCredit: 0,
  }))
}

/** The floor: the same letters from the same data by a loop that knows the answer (no chain, no checks). */
function floor(input: readonly DunningCandidate[]) {
  const letters = []
  let number = 0
  for (const c of input) {
    const item = c.openItems[0]!
    const level = c.state.level === null ? levels[0]! : levels[1]!
    number += 1
    letters.push({
      membershipId: c.membershipId,
      letterNumber: number,
      toLevel: level.number,
      fee: level.fee,
      items: [{ debitId: item.postingId, date: item.date, text: item.text, open: item.open }],
      total: item.open + level.fee,
    })
  }
  return letters
}

function timed<T>(work: () => T, runs = 5): { ms: number; result: T } {
  let result = work()
  const start = performance.now()
  for (let i = 0; i < runs; i += 1) result = work()
  return { ms: ms(start) / runs, result }
}

async function onPostgres(base: string) {
  return withBenchDatabase(base, async ({ db, storage, organisationId: org, post }) => {
    const finance = storage.forOrganisation(org).finance
    const fee = await finance.createAccount({
      number: '4000',
      name: 'Mitgliedsbeitrag',
      type: 'receivable',
      receivableKind: 'main',
      priority: 1,
    })
    const cost = await finance.createAccount({
      number: '4100',
      name: 'Mahngebühr',
      type: 'receivable',
      receivableKind: 'dunning-costs',
      priority: 2,
    })
    await storage.forOrganisation(org).dunning.replaceLevels(levels.map((l) => ({ ...l, feeAccountId: l.fee > 0 ? cost.id : null })))
    await addBulkMemberships(db, org, { count: N, firstNumber: 1, joinedOn: '2025-01-01' })
    // Even numbers have had a reminder (level 1 since 2025-05-01); everyone owes 96,00 € booked in the first quarter.
    await db.query(
      `insert into dunning_states (membership_id, organisation_id, level, last_letter_on)
       select id, $1, 1, '2025-05-01' from memberships where organisation_id = $1 and number % 2 = 0`,
      [org],
    )
    await db.query(
      `insert into postings (organisation_id, membership_id, account_id, date, amount, text, kind, created_by)
       select $1, id, $2, date '2025-01-01' + (number % 90)::int, -9600, 'Beitrag', 'manual', 'bench' from memberships where organisation_id = $1`,
      [org, fee.id],
    )
    await db.query('analyze')
    const call = (path: string, body: unknown) =>
      post<{ idempotencyKey: string; id: string; letterCount: number; feeTotal: number }>(path, body)
    let start = performance.now()
    const preview = await call('/dunning-runs/preview', { asOf })
    const previewMs = ms(start)
    start = performance.now()
    const run = await call('/dunning-runs', { request: { asOf }, idempotencyKey: preview.idempotencyKey })
    const applyMs = ms(start)

    // The run's fee postings, inserted plainly: read back, deleted, inserted again without any of our logic.
    const { rows } = await db.query(
      `select organisation_id, membership_id, account_id, date::text, amount, text, document_number, kind, run_id, created_by from postings where run_id = $1`,
      [run.id],
    )
    await db.query(`delete from allocations where debit_id in (select id from postings where run_id = $1)`, [run.id])
    await db.query('delete from postings where run_id = $1', [run.id])
    await db.query('vacuum analyze postings')
    const plainMs = await plainUnnestInsert(
      db,
      'postings',
      [
        ['organisation_id', 'uuid'],
        ['membership_id', 'uuid'],
        ['account_id', 'uuid'],
        ['date', 'date'],
        ['amount', 'bigint'],
        ['text', 'text'],
        ['document_number', 'text'],
        ['kind', 'text'],
        ['run_id', 'uuid'],
        ['created_by', 'text'],
      ],
      rows,
    )
    return { letters: run.letterCount, fees: rows.length, previewMs, applyMs, plainMs }
  })
}

const input = candidates()
const planned = timed(() => planDunningRun({ asOf }, input, levels, [account], 0))
const tight = timed(() => floor(input))
if (planned.result.letters.length !== tight.result.length) throw new Error('the floor builds other letters than the planner')
console.log(
  `core: planDunningRun for ${N.toLocaleString('en')} memberships (${planned.result.letters.length.toLocaleString('en')} letters): ${planned.ms.toFixed(0)} ms (mean of 5)`,
)
console.log(`core: floor, a tight loop building the same letters: ${tight.ms.toFixed(0)} ms (mean of 5)`)
console.log(`ratio planDunningRun / floor: ${(planned.ms / tight.ms).toFixed(1)}`)
if (process.env.DATABASE_URL) {
  const result = await onPostgres(process.env.DATABASE_URL)
  console.log(`postgres: preview over the HTTP handler: ${result.previewMs.toFixed(0)} ms`)
  console.log(
    `postgres: apply (${result.letters.toLocaleString('en')} letters and documents, ${result.fees.toLocaleString('en')} fee postings, levels, uses): ${result.applyMs.toFixed(0)} ms`,
  )
  console.log(`postgres: plain INSERT … SELECT FROM unnest of the same fee postings (5,000 per statement): ${result.plainMs.toFixed(0)} ms`)
  console.log(`ratio apply / plain insert of the fee postings: ${(result.applyMs / result.plainMs).toFixed(1)}`)
} else {
  console.log('Set DATABASE_URL to measure preview and apply on PostgreSQL.')
}
