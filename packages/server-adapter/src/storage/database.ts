import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

/** A drizzle database or transaction, whichever engine runs it (PGlite or `pg`). */
export type Database = PgDatabase<PgQueryResultHKT>

/** An open database plus how to migrate and close it. */
export interface DatabaseConnection {
  readonly db: Database
  readonly engine: 'pglite' | 'postgres'
  /** Runs one SQL statement outside any transaction (job queue, shared counters). */
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>
  /**
   * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, so that several server
   * instances starting at once do it one after another (installing the job queue's schema). PGlite is one process
   * and simply runs it.
   */
  exclusively<T>(lockKey: number, work: () => Promise<T>): Promise<T>
  /** Applies the checked-in migrations that are not applied yet; safe to call from several processes at once. */
  migrate(): Promise<void>
  close(): Promise<void>
}
