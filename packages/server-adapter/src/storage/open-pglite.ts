import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { migrationsFolder } from '../migrations-folder'
import type { Database, DatabaseConnection } from './database'
import { lockDataDirectory } from './data-directory-lock'

/**
 * Opens embedded PostgreSQL (PGlite): `dataDir` keeps data in a folder, locked for this process (a second server on
 * the same folder fails with `DATA_DIRECTORY_LOCKED`); without it the database lives in memory (tests). PGlite is
 * one connection, so transactions run one after another.
 */
export async function openPglite(options: { dataDir?: string } = {}): Promise<DatabaseConnection> {
  const release = options.dataDir ? lockDataDirectory(options.dataDir) : () => undefined
  let client: PGlite
  try {
    // pg_trgm indexes the address-book search (the same extension PostgreSQL loads from its contrib).
    client = new PGlite({ ...(options.dataDir && { dataDir: options.dataDir }), extensions: { pg_trgm } })
    await client.waitReady
  } catch (error) {
    release()
    throw error
  }
  const db = drizzle({ client }) as unknown as Database
  return {
    db,
    engine: 'pglite',
    executeSql: async (text, values) => ({ rows: (await client.query(text, values ? [...values] : undefined)).rows }),
    exclusively: (_lockKey, work) => work(),
    migrate: () => migrate(drizzle({ client }), { migrationsFolder }),
    close: async () => {
      await client.close()
      release()
    },
  }
}
