import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema'

/** A drizzle database or transaction over our schema, whichever engine runs it (PGlite or `pg`). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** An open database plus how to migrate and close it. */
export interface DatabaseConnection {
  readonly db: Database
  readonly engine: 'pglite' | 'postgres'
  /** Applies the checked-in migrations that are not applied yet; safe to call from several processes at once. */
  migrate(): Promise<void>
  close(): Promise<void>
}

export { schema }
