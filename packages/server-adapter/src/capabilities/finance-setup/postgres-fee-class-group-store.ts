import { and, asc, eq } from 'drizzle-orm'
import { isUuid } from '../../storage/uuid'
import { refusingDuplicates } from '../../storage/rows'
import type { Database } from '../../storage/database'
import { feeClassGroups } from './finance-schema'
import type { FeeClassGroupStore } from './fee-class-group-store'

/** Fee-class groups in PostgreSQL. */
export function createFeeClassGroupStore(db: Database, organisationId: string): FeeClassGroupStore {
  const columns = {
    id: feeClassGroups.id,
    organisationId: feeClassGroups.organisationId,
    name: feeClassGroups.name,
    description: feeClassGroups.description,
    offeredOnline: feeClassGroups.offeredOnline,
    isDefault: feeClassGroups.isDefault,
  }
  return {
    async create(input) {
      return refusingDuplicates(`A group named "${input.name}" or a second default group exists already.`, async () => {
        const [row] = await db
          .insert(feeClassGroups)
          .values({ organisationId, ...input })
          .returning(columns)
        return row!
      })
    },
    async update(id, changes) {
      if (!isUuid(id)) return false
      const where = and(eq(feeClassGroups.organisationId, organisationId), eq(feeClassGroups.id, id))
      return refusingDuplicates(`A group named "${changes.name}" exists already.`, async () => {
        if (changes.isDefault)
          await db.update(feeClassGroups).set({ isDefault: false }).where(eq(feeClassGroups.organisationId, organisationId))
        const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
        const rows = Object.keys(set).length
          ? await db.update(feeClassGroups).set(set).where(where).returning({ id: feeClassGroups.id })
          : await db.select({ id: feeClassGroups.id }).from(feeClassGroups).where(where)
        return rows.length > 0
      })
    },
    list: () =>
      db.select(columns).from(feeClassGroups).where(eq(feeClassGroups.organisationId, organisationId)).orderBy(asc(feeClassGroups.name)),
  }
}
