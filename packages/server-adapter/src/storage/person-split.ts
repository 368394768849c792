import { sql } from 'drizzle-orm'
import type { Database } from './database'
import { isUniqueViolation, rowsOf } from './rows'

/**
 * Points every row of one organisation that names person `from` at person `to`: the tables are found from the
 * database's own foreign keys to `persons`, so a table added later is covered too. A row the target already has
 * (a contact entry) is a duplicate and goes. Rows of other organisations stay as they are.
 */
export async function repointPersonRows(db: Database, organisationId: string, from: string, to: string): Promise<void> {
  for (const { table_name: table, column_name: column, scoped } of await personColumns(db)) {
    if (!scoped) continue
    const t = sql.identifier(table)
    const c = sql.identifier(column)
    try {
      await db.transaction((tx) =>
        tx.execute(sql`update ${t} set ${c} = ${to} where ${c} = ${from} and organisation_id = ${organisationId}`),
      )
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      await db.execute(sql`delete from ${t} where ${c} = ${from} and organisation_id = ${organisationId}`)
    }
  }
}

/** The columns that name a person, found from the database's own foreign keys to `persons`. */
async function personColumns(db: Database) {
  return rowsOf<{ table_name: string; column_name: string; scoped: boolean }>(
    db,
    sql`select kcu.table_name, kcu.column_name,
               exists (select 1 from information_schema.columns c where c.table_schema = 'public'
                         and c.table_name = kcu.table_name and c.column_name = 'organisation_id') as scoped
          from information_schema.table_constraints tc
          join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
         where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and ccu.table_name = 'persons' and ccu.column_name = 'id'
         order by 1, 2`,
  )
}

/** Whether any other organisation has a row naming the person (it is shared in the address book). */
export async function personKnownElsewhere(db: Database, organisationId: string, personId: string): Promise<boolean> {
  for (const { table_name: table, column_name: column, scoped } of await personColumns(db)) {
    if (!scoped) continue
    const [row] = await rowsOf<{ found: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table)} where ${sql.identifier(column)} = ${personId}
            and organisation_id is not null and organisation_id <> ${organisationId}) as found`,
    )
    if (row?.found) return true
  }
  return false
}

/**
 * Gives an organisation its own copy of a shared person (a released umbrella copy keeps its data but no longer edits
 * the parent's record): a new person with the same data, and the organisation's rows moved onto it.
 */
export async function splitPersonFor(db: Database, organisationId: string, personId: string): Promise<string> {
  const names = await rowsOf<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'persons'
          and column_name not in ('id', 'created_at') order by ordinal_position`,
  )
  const list = sql.join(
    names.map((n) => sql.identifier(n.column_name)),
    sql`, `,
  )
  const [copy] = await rowsOf<{ id: string }>(
    db,
    sql`insert into persons (${list}) select ${list} from persons where id = ${personId} returning id`,
  )
  await repointPersonRows(db, organisationId, personId, copy!.id)
  return copy!.id
}
