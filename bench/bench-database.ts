import pg from 'pg'
import { createPostgresStorage, createRequestHandler, openPostgres, provisionOrganisation, type Storage } from '@vereinskit/server-adapter'

/** What a PostgreSQL benchmark works with: its own migrated database, an organisation and staff `post`/`get` over HTTP. */
export interface BenchDatabase {
  readonly db: pg.Client
  readonly storage: Storage
  readonly organisationId: string
  post<T>(path: string, body: unknown): Promise<T>
  get<T>(path: string): Promise<T>
}

/**
 * Creates a database next to the one `base` names, migrates it, provisions an organisation, runs `work`, and drops
 * the database again whatever happens.
 */
export async function withBenchDatabase<T>(base: string, work: (bench: BenchDatabase) => Promise<T>): Promise<T> {
  const name = `vk_bench_${Date.now()}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  const connection = await openPostgres({ connectionString: url.toString() })
  const db = new pg.Client({ connectionString: url.toString() })
  try {
    await connection.migrate()
    await db.connect()
    const storage = createPostgresStorage(connection)
    const { organisation, apiKey } = await provisionOrganisation(storage, {
      name: 'Bench',
      membershipNumberRange: { from: 1, to: 10_000_000 },
    })
    const handler = createRequestHandler({ storage })
    const post = async <R>(path: string, body: unknown) => {
      const response = await handler(
        new Request(`http://bench/organisations/${organisation.id}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      )
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
      return response.json() as Promise<R>
    }
    const get = async <R>(path: string) => {
      const response = await handler(
        new Request(`http://bench/organisations/${organisation.id}${path}`, { headers: { authorization: `Bearer ${apiKey}` } }),
      )
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
      return response.json() as Promise<R>
    }
    return await work({ db, storage, organisationId: organisation.id, post, get })
  } finally {
    await db.end().catch(() => undefined)
    await connection.close()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

/**
 * The floor for a run's inserts: the same rows inserted plainly, `INSERT … SELECT FROM unnest` with 5,000 rows per
 * statement, in one transaction. `columns` pairs each column with its SQL type. Answers the milliseconds taken.
 */
export async function plainUnnestInsert(
  db: pg.Client,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  const start = performance.now()
  await db.query('begin')
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000)
    await db.query(
      `insert into ${table} (${columns.map(([name]) => name).join(', ')}) select * from unnest(${arrays})`,
      columns.map(([name]) => batch.map((r) => r[name])),
    )
  }
  await db.query('commit')
  return performance.now() - start
}
