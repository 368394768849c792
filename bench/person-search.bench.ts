// On-demand benchmark (never part of the tests): `npm run bench:search` (needs DATABASE_URL).
// Loads 1,000,000 persons with memberships into PostgreSQL, then times selective standard searches (prefix on the
// last name, contains on the street, a wildcard pattern; each ≤ 50 hits) through the address-book store, next to
// the unindexed baseline a naive implementation would run: `ILIKE` over the raw columns, in the same database.
import { compileSearch, PersonSearchCriteria } from '@vereinskit/core/people'
import { withBenchDatabase } from './bench-database'

const N = Number(process.env.BENCH_PERSONS ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 60)
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 8)
const base = process.env.DATABASE_URL
if (!base) throw new Error('Set DATABASE_URL (the benchmark creates and drops its own database next to it).')

const syllables = [
  'ber',
  'mann',
  'hof',
  'lind',
  'schul',
  'ze',
  'mül',
  'ler',
  'wag',
  'ner',
  'brau',
  'stein',
  'kra',
  'fels',
  'ha',
  'gen',
  'dorf',
  'wei',
  'ß',
  'ro',
  'th',
  'kel',
  'bach',
  'grü',
  'nin',
  'sch',
  'mid',
  'tal',
  'ost',
  'rie',
]
const streets = ['weg', 'straße', 'allee', 'ring', 'gasse', 'str.', 'pfad', 'platz']
const ms = (start: number) => performance.now() - start
const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!
const fmt = (v: number) => `${v.toFixed(2)} ms`

await withBenchDatabase(base, async ({ db, storage, organisationId }) => {
  const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`
  // Search indexes are dropped for the load and built afterwards, as a bulk import would do; both are timed.
  const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename in ('persons') and indexname like 'persons\\_%' and indexname <> 'persons_pkey'`,
  )
  for (const i of indexes) await db.query(`drop index ${i.indexname}`)
  let start = performance.now()
  await db.query(
    `with s as (select ${arr(syllables)} as syl, ${arr(streets)} as str),
     p as (
       insert into persons (salutation, first_name, last_name, street, postcode, city, country, date_of_birth, phone_private)
       select 'none',
              initcap(s.syl[1 + (g * 7) % 30] || s.syl[1 + (g / 30 * 11) % 30]),
              initcap(s.syl[1 + g % 30] || s.syl[1 + (g / 30) % 30] || s.syl[1 + (g / 900) % 30] || s.syl[1 + (g / 27000) % 30]),
              initcap(s.syl[1 + (g / 11) % 30] || s.syl[1 + (g / 330) % 30]) || s.str[1 + (g / 7) % 8] || ' ' || (1 + (g * 13) % 199),
              lpad(((g * 31) % 99999)::text, 5, '0'),
              initcap(s.syl[1 + (g / 3) % 30] || s.syl[1 + (g / 90) % 30] || 'stadt'),
              'DE',
              date '1940-01-01' + (g * 37) % 25000,
              '0' || (30 + g % 70) || '-' || (1000000 + (g::bigint * 7919) % 9000000)
         from generate_series(1, $1::int) g, s
       returning id),
     numbered as (select id, row_number() over () as rn from p)
     insert into memberships (organisation_id, person_id, number, joined_on, payment_method)
     select $2, id, rn, date '2000-01-01' + (rn % 9000)::int, 'invoice' from numbered`,
    [N, organisationId],
  )
  const loadMs = ms(start)
  start = performance.now()
  for (const i of indexes) await db.query(i.indexdef)
  await db.query('analyze persons; analyze memberships')
  const indexMs = ms(start)
  console.log(
    `loaded ${N.toLocaleString('en')} persons with memberships in ${(loadMs / 1000).toFixed(1)} s; search indexes built in ${(indexMs / 1000).toFixed(1)} s`,
  )

  const store = storage.forOrganisation(organisationId).people
  const run = async (criteria: object) => {
    const compiled = compileSearch(PersonSearchCriteria.parse(criteria), { wildcards: true })
    const t = performance.now()
    const hits = await store.search(compiled, { asOf: '2026-01-01', limit: 100, includeArchived: true, filters: {} })
    return { ms: ms(t), hits: hits.length }
  }
  const sample = async (n: number) =>
    (
      await db.query<{ last_name: string; street: string }>(`select last_name, street from persons tablesample bernoulli (0.1) limit $1`, [
        n,
      ])
    ).rows

  // Selective queries (≤ 50 hits), picked from the data.
  const kinds: Record<string, { criteria: object; like: [column: string, pattern: string] }[]> = { prefix: [], contains: [], wildcard: [] }
  for (const row of await sample(400)) {
    const candidates = {
      prefix: { criteria: { lastName: row.last_name }, like: ['last_name', `${row.last_name}%`] as [string, string] },
      contains: { criteria: { street: row.street.slice(2) }, like: ['street', `%${row.street.slice(2)}%`] as [string, string] },
      wildcard: {
        criteria: { lastName: `${row.last_name.slice(0, 4)}%${row.last_name.slice(-4)}` },
        like: ['last_name', `${row.last_name.slice(0, 4)}%${row.last_name.slice(-4)}`] as [string, string],
      },
    }
    for (const [kind, q] of Object.entries(candidates)) {
      if (kinds[kind]!.length >= 20) continue
      const { hits } = await run(q.criteria)
      if (hits >= 1 && hits <= 50) kinds[kind]!.push(q)
    }
  }

  if (process.env.BENCH_KEEP) {
    console.log(`kept: organisation ${organisationId}`)
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_KEEP) * 1000))
  }
  console.log('kind      queries   indexed p50   indexed p95   ILIKE p50     ILIKE p95     ratio (p50)')
  for (const [kind, queries] of Object.entries(kinds)) {
    if (queries.length === 0) {
      console.log(`${kind.padEnd(9)} no selective query found in the sample`)
      continue
    }
    const indexed: number[] = []
    for (let i = 0; i < RUNS; i++) indexed.push((await run(queries[i % queries.length]!.criteria)).ms)
    const baseline: number[] = []
    for (let i = 0; i < BASELINE_RUNS; i++) {
      const [column, pattern] = queries[i % queries.length]!.like
      const t = performance.now()
      await db.query(`select id from persons where ${column} ilike $1 limit 101`, [pattern])
      baseline.push(ms(t))
    }
    console.log(
      `${kind.padEnd(9)} ${String(queries.length).padEnd(9)} ${fmt(pct(indexed, 50)).padEnd(13)} ${fmt(pct(indexed, 95)).padEnd(13)} ${fmt(pct(baseline, 50)).padEnd(13)} ${fmt(pct(baseline, 95)).padEnd(13)} ${(pct(baseline, 50) / pct(indexed, 50)).toFixed(0)}×`,
    )
  }
})
