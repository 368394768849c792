// On-demand benchmark (never part of the tests): `npm run bench` (needs DATABASE_URL for the PostgreSQL part).
// 1. planChargeRun in core for N memberships, in memory.
// 2. Applying that run on PostgreSQL through the request handler (plan again under the lock, insert, allocate),
//    next to a plain batched INSERT of exactly the same posting rows into the same table.
import { aFeeAssignment, aFeeClass, anAccount, aPaymentPlan } from '@vereinskit/core/testing'
import { fromEpochDay, toEpochDay } from '@vereinskit/core'
import { monthlyParts, planChargeRun, paymentPlanTemplates, type ChargeableMembership } from '@vereinskit/core/fees'
import { withBenchDatabase } from './bench-database'

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
    await db.query(
      `with p as (insert into persons (salutation, first_name, last_name, date_of_birth, street, postcode, city, country)
         select 'none', 'B', 'M' || g, '1980-01-01', 'Weg 1', '12345', 'Stadt', 'DE' from generate_series(1, $2::int) g returning id),
       n as (select id, row_number() over () as rn from p),
       m as (insert into memberships (organisation_id, person_id, number, joined_on) select $1, id, rn, '2026-01-01' from n returning id)
       insert into fee_assignments (organisation_id, membership_id, fee_class_id, valid_from) select $1, id, $3, '2026-01-01' from m`,
      [org, N, feeClass.id],
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
      const start = performance.now()
      await db.query('begin')
      const size = statement === 'values' ? 1000 : 5000
      for (let i = 0; i < rows.length; i += size) {
        const batch = rows.slice(i, i + size)
        if (statement === 'values') {
          const values: unknown[] = []
          const tuples = batch.map((r, j) => {
            values.push(
              r.organisation_id,
              r.membership_id,
              r.account_id,
              r.date,
              r.amount,
              r.text,
              r.kind,
              r.run_id,
              r.charge_key,
              r.charge_assignment_id,
              r.charge_year,
              r.created_by,
            )
            return `(${Array.from({ length: 12 }, (_, k) => `$${j * 12 + k + 1}`).join(', ')})`
          })
          await db.query(
            `insert into postings (organisation_id, membership_id, account_id, date, amount, text, kind, run_id, charge_key, charge_assignment_id, charge_year, created_by) values ${tuples.join(', ')}`,
            values,
          )
        } else {
          const col = (key: string) => batch.map((r) => r[key])
          await db.query(
            `insert into postings (organisation_id, membership_id, account_id, date, amount, text, kind, run_id, charge_key, charge_assignment_id, charge_year, created_by)
             select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::uuid[], $11::int[], $12::text[])`,
            [
              'organisation_id',
              'membership_id',
              'account_id',
              'date',
              'amount',
              'text',
              'kind',
              'run_id',
              'charge_key',
              'charge_assignment_id',
              'charge_year',
              'created_by',
            ].map(col),
          )
        }
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
