import { PgDialect } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { compileSearch, PersonSearchCriteria } from '@vereinskit/core/people'
import { personSearchQuery } from './packages/server-adapter/src/capabilities/people/person-search-sql'

const [url, org, criteria] = [process.argv[2]!, process.argv[3]!, JSON.parse(process.argv[4]!)]
const q = new PgDialect().sqlToQuery(
  personSearchQuery(org, compileSearch(PersonSearchCriteria.parse(criteria), { wildcards: true }), { asOf: '2026-01-01', limit: 100, includeArchived: true, filters: {} }),
)
const c = new pg.Client({ connectionString: url })
await c.connect()
if (process.env.NOJIT) await c.query("set jit = off")
const r = await c.query(`explain (analyze, buffers off) ${q.sql}`, q.params)
console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'))
await c.end()
