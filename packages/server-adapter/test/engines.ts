import { inject } from 'vitest'
import { openPglite } from '../src/storage/open-pglite'
import { openPostgres } from '../src/storage/open-postgres'
import type { DatabaseConnection } from '../src/storage/database'

/** A database engine the storage must work on. */
export interface Engine {
  readonly name: 'pglite' | 'postgres'
  open(): Promise<DatabaseConnection>
}

/** PGlite always; the machine's PostgreSQL when DATABASE_URL is set (the global setup made a fresh database). */
export function engines(): Engine[] {
  const postgresUrl = inject('postgresUrl')
  const list: Engine[] = [
    {
      name: 'pglite',
      async open() {
        const connection = await openPglite()
        await connection.migrate()
        return connection
      },
    },
  ]
  if (postgresUrl) list.push({ name: 'postgres', open: () => openPostgres({ connectionString: postgresUrl }) })
  return list
}
