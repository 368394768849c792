// On-demand benchmark (never part of the tests): `npm run bench` (needs DATABASE_URL for the PostgreSQL part).
// 1. planChargeRun in core for N memberships, in memory.
// 2. Applying that run on PostgreSQL through the request handler (plan again under the lock, insert, allocate),
//    next to a plain batched INSERT of exactly the same posting rows into the same table.
import { aFeeAssignment, aFeeClass, anAccount, aPaymentPlan } from '@vereinskit/core/testing'
import { fromEpochDay, toEpochDay } from '@vereinskit/core'
import { monthlyParts, planChargeRun, paymentPlanTemplates, type ChargeableMembership } from '@vereinskit/core/fees'
import { plainUnnestInsert, withBenchDatabase } from './bench-database'
import { addBulkMemberships } from '../packages/server-adapter/test/bulk-memberships'

/** The columns of a charge posting, with their SQL types. */
const postingColumns = [
  ['organisation_id', 'uuid'],
  ['membership_id', 'uuid'],
  ['account_id', 'uuid'],
  ['date', 'date'],
  ['amount', 'bigint'],
  ['text', 'text'],
  ['kind', 'text'],
  ['run_id', 'uuid'],
  ['charge_key', 'text'],
  ['charge_assignment_id', 'uuid'],
  ['charge_year', 'int'],
  ['created_by', 'text'],
] as const

const N = Number(process.env.BENCH_MEMBERSHIPS ?? 100_000)
const asOf = '2026-11-23'
const ms = (start: number) => performance.now() - start

/** Memberships joined on every day of 2025 and 2026 (one or two charged years each), yearly plan, 96 €. */
function planningInput() {
  const memberships: ChargeableMembership[] = Array.from({ length: N }, (_, i) => {
    const joinedOn = fromEpochDay(toEpochDay('2025-01-01') + (i % 690))
    return {
      id: `m${i}`,
      number: 100_000 + i,
      joinedOn,
      endsOn: null,
      processingBlocked: false,
      assignments: [aFeeAssignment({ id: `a${i}`, membershipId: `m${i}`, validFrom: joinedOn })],
    }
  })
  return { asOf, memberships, feeClasses: [aFeeClass()], plans: [aPaymentPlan('yearly')], accounts: [anAccount()], charged: [] }
}

/**
 * The floor: a tight loop that builds the same charge objects from the same data, knowing the answer (pro rata by
 * joining month in the joining year, the full fee on 1 January after) — no plan, no calendar, no lookups.
 */
function floor(input: ReturnType<typeof planningInput>) {
  const monthly = monthlyParts(9600)
  const proRata = Array.from({ length: 12 }, (_, m) => monthly.slice(m).reduce((a, b) => a + b, 0))
  const charges = []
  for (const m of input.memberships) {
    const a = m.assignments[0]!
    const joinYear = Number(m.joinedOn.slice(0, 4))
    for (let year = joinYear; year <= 2026; year += 1) {
      const amount = year === joinYear ? proRata[Number(m.joinedOn.slice(5, 7)) - 1]! : 9600
      const date = year === joinYear ? m.joinedOn : `${year}-01-01`
      charges.push({
        membershipId: m.id,
        membershipNumber: m.number,
        assignmentId: a.id,
        feeClassId: a.feeClassId,
        accountId: 'acc-fee',
        date,
        amount,
        text: 'Mitgliedsbeitrag',
        year,
        chargeKey: `${a.id}:${year}:${amount}`,
      })
    }
  }
  return charges
}

function timed<T>(work: () => T, runs = 5): { ms: number; result: T } {
  let result = work() // warm-up
  const start = performance.now()
  for (let i = 0; i < runs; i += 1) result = work()
  return { ms: ms(start) / runs, result }
}

function corePlanning() {
  const input = planningInput()
  const planned = timed(() => planChargeRun(input))
  const tight = timed(() => floor(input))
  if (planned.result.charges.length !== tight.result.length) throw new Error('the floor builds other charges than the planner')
  return { planningMs: planned.ms, floorMs: tight.ms, charges: tight.result.length }
}

async function onPostgres(base: string) {
  return withBenchDatabase(base, async ({ db, storage, organisationId: org, post }) => {
    const account = await storage.forOrganisation(org).finance.createAccount({
      number: '4000',
      name: 'Mitgliedsbeitrag',
      type: 'receivable',
      receivableKind: 'main',
      priority: 1,
    })
    const plan = await storage.forOrganisation(org).finance.createPlan({ name: 'Jährlich', ...paymentPlanTemplates.yearly })
    const feeClass = await storage.forOrganisation(org).finance.createFeeClass({
      name: 'Erwachsene',
      amount: 9600,
      paymentPlanId: plan.id,
      validFrom: '2000-01-01',
      validUntil: null,
      accountId: account.id,
      successorId: null,
      showInMembership: true,
    })
    await addBulkMemberships(db, org, { count: N, firstNumber: 1, joinedOn: '2026-01-01' })
    await db.query(
      `insert into fee_assignments (organisation_id, membership_id, fee_class_id, valid_from)
       select $1, id, $2, '2026-01-01' from memberships where organisation_id = $1`,
      [org, feeClass.id],
    )
    await db.query('analyze')
    const call = (path: string, body: unknown) => post<{ idempotencyKey: string; id: string; chargesMade: number }>(path, body)
    let start = performance.now()
    const preview = await call('/charge-runs/preview', { asOf })
    const previewMs = ms(start)
    start = performance.now()
    const run = await call('/charge-runs', { asOf, idempotencyKey: preview.idempotencyKey })
    const applyMs = ms(start)

    // The same rows, inserted plainly: read them back, delete them, insert them again without any of our logic.
    const { rows } = await db.query(
      `select organisation_id, membership_id, account_id, date::text, amount, text, kind, run_id, charge_key, charge_assignment_id, charge_year, created_by from postings where run_id = $1`,
      [run.id],
    )
    const plainInsert = async (statement: 'values' | 'unnest') => {
      await db.query('delete from postings where run_id = $1', [run.id])
      await db.query('vacuum analyze postings')
      if (statement === 'unnest') return plainUnnestInsert(db, 'postings', postingColumns, rows)
      const start = performance.now()
      await db.query('begin')
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000)
        const values = batch.flatMap((r) => postingColumns.map(([name]) => r[name]))
        const tuples = batch.map((_, j) => `(${postingColumns.map((_, k) => `$${j * postingColumns.length + k + 1}`).join(', ')})`)
        await db.query(`insert into postings (${postingColumns.map(([name]) => name).join(', ')}) values ${tuples.join(', ')}`, values)
      }
      await db.query('commit')
      return ms(start)
    }
    const valuesMs = await plainInsert('values')
    const bulkMs = await plainInsert('unnest')
    return { charges: run.chargesMade, previewMs, applyMs, bulkMs, valuesMs }
  })
}

const { planningMs, floorMs, charges } = corePlanning()
console.log(
  `core: planChargeRun for ${N.toLocaleString('en')} memberships (${charges.toLocaleString('en')} charges): ${planningMs.toFixed(0)} ms (mean of 5)`,
)
console.log(`core: floor, a tight loop building the same charge objects: ${floorMs.toFixed(0)} ms (mean of 5)`)
console.log(`ratio planChargeRun / floor: ${(planningMs / floorMs).toFixed(1)} (target: within 5)`)
if (process.env.DATABASE_URL) {
  const result = await onPostgres(process.env.DATABASE_URL)
  console.log(`postgres: preview over HTTP handler: ${result.previewMs.toFixed(0)} ms`)
  console.log(
    `postgres: apply (${result.charges.toLocaleString('en')} charges, re-plan under lock, insert, allocate): ${result.applyMs.toFixed(
      0,
    )} ms`,
  )
  console.log(`postgres: plain INSERT … SELECT FROM unnest of the same rows (5,000 per statement): ${result.bulkMs.toFixed(0)} ms`)
  console.log(`postgres: plain INSERT … VALUES of the same rows (1,000 per statement): ${result.valuesMs.toFixed(0)} ms`)
  console.log(`ratio apply / plain unnest insert: ${(result.applyMs / result.bulkMs).toFixed(2)}`)
} else {
  console.log('Set DATABASE_URL to measure apply on PostgreSQL.')
}
