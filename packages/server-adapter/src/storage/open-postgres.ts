import pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { migrationsFolder } from '../migrations-folder'
import type { Database, DatabaseConnection } from './database'

// Arbitrary constant: all vereinskit processes take this advisory lock while migrating.
const migrationLockKey = 720_415_001

/** Connects to a PostgreSQL server (e.g. `DATABASE_URL`) with a connection pool. */
export async function openPostgres(options: {
  connectionString: string
  max?: number
  /** Shown in `pg_stat_activity`, to tell this pool's connections apart. */
  applicationName?: string
}): Promise<DatabaseConnection> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.applicationName && { application_name: options.applicationName }),
  })
  // A connection the server drops (restart, pg_terminate_backend) fails the query that used it; an idle one is
  // simply discarded by the pool. Without these listeners, Node would crash on the 'error' event.
  pool.on('error', () => undefined)
  pool.on('connect', (client) => {
    client.on('error', () => undefined)
  })
  const db = drizzle({ client: pool }) as unknown as Database
  return {
    db,
    engine: 'postgres',
    executeSql: async (text, values) => ({ rows: (await pool.query(text, values ? [...values] : undefined)).rows }),
    async exclusively(lockKey, work) {
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock($1)', [lockKey])
        return await work()
      } finally {
        await client.query('select pg_advisory_unlock($1)', [lockKey]).catch(() => undefined)
        client.release()
      }
    },
    async migrate() {
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock($1)', [migrationLockKey])
        await migrate(drizzle({ client }), { migrationsFolder })
      } finally {
        await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined)
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
