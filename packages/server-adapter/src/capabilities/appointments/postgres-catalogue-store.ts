import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { refusingDuplicates } from '../../storage/rows'
import { consultants, consultationLocations, consultationTopics, consultationTypes } from './appointment-schema'
import type { CatalogueStore } from './catalogue-store'
import type { Consultant, ConsultationLocation, ConsultationTopic, ConsultationType } from '@vereinskit/core/appointments'

type CatalogueTable = typeof consultants | typeof consultationLocations | typeof consultationTypes | typeof consultationTopics

/**
 * A catalogue in PostgreSQL. The tables' columns are named like the records' fields, so a record is its row
 * without the organisation and the write time.
 */
function catalogueStore<T extends { readonly id: string }>(
  db: Database,
  organisationId: string,
  table: CatalogueTable,
  label: string,
): CatalogueStore<T> {
  const toRecord = (row: Record<string, unknown>): T => {
    const { organisationId: _o, createdAt: _c, ...record } = row
    return record as unknown as T
  }
  const own = (id: string) => and(eq(table.organisationId, organisationId), eq(table.id, id))
  const anyTable = table as unknown as PgTable & typeof consultationTopics
  return {
    async list() {
      return (
        await db
          .select()
          .from(anyTable)
          .where(eq(table.organisationId, organisationId))
          .orderBy(asc(sql`lower(${table.name})`), asc(table.id))
      ).map(toRecord)
    },
    async get(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db.select().from(anyTable).where(own(id))
      return row ? toRecord(row) : undefined
    },
    async getMany(ids) {
      const valid = [...new Set(ids)].filter(isUuid)
      if (valid.length === 0) return new Map()
      const rows = await db
        .select()
        .from(anyTable)
        .where(and(eq(table.organisationId, organisationId), inArray(table.id, valid)))
      return new Map(rows.map((r) => [r.id, toRecord(r)]))
    },
    async create(input) {
      const [row] = await refusingDuplicates(`A ${label} named "${(input as { name?: string }).name}" exists.`, () =>
        db
          .insert(anyTable)
          .values({ ...(input as object), organisationId } as never)
          .returning(),
      )
      return toRecord(row!)
    },
    async update(id, changes) {
      if (!isUuid(id)) return undefined
      if (Object.keys(changes).length === 0) return this.get(id)
      const [row] = await refusingDuplicates(`A ${label} named "${(changes as { name?: string }).name}" exists.`, () =>
        db
          .update(anyTable)
          .set(changes as never)
          .where(own(id))
          .returning(),
      )
      return row ? toRecord(row) : undefined
    },
  }
}

export const createConsultantStore = (db: Database, organisationId: string) =>
  catalogueStore<Consultant>(db, organisationId, consultants, 'consultant')
export const createLocationStore = (db: Database, organisationId: string) =>
  catalogueStore<ConsultationLocation>(db, organisationId, consultationLocations, 'location')
export const createTypeStore = (db: Database, organisationId: string) =>
  catalogueStore<ConsultationType>(db, organisationId, consultationTypes, 'consultation type')
export const createTopicStore = (db: Database, organisationId: string) =>
  catalogueStore<ConsultationTopic>(db, organisationId, consultationTopics, 'topic')
