import { asc, eq } from 'drizzle-orm'
import type { Database } from '../database'
import { feeClassGroups } from '../schema'
import type { FeeClassGroupStore } from '../storage'

/** Fee-class groups in PostgreSQL. */
export function createFeeClassGroupStore(db: Database): FeeClassGroupStore {
  const columns = {
    id: feeClassGroups.id,
    organisationId: feeClassGroups.organisationId,
    name: feeClassGroups.name,
    description: feeClassGroups.description,
    offeredOnline: feeClassGroups.offeredOnline,
    isDefault: feeClassGroups.isDefault,
  }
  return {
    async create(organisationId, input) {
      const [row] = await db
        .insert(feeClassGroups)
        .values({ organisationId, ...input })
        .returning(columns)
      return row!
    },
    list: (organisationId) =>
      db.select(columns).from(feeClassGroups).where(eq(feeClassGroups.organisationId, organisationId)).orderBy(asc(feeClassGroups.name)),
  }
}
