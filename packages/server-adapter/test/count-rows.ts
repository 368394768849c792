import type pg from 'pg'

/** The `n` a counting query answers, as a number (PostgreSQL returns counts as strings). */
export async function count(admin: pg.Client, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(sql, params)
  return Number(rows[0]!.n)
}
