import { and, asc, count, eq } from 'drizzle-orm'
import type { FeeAssignment } from '@vereinskit/core/fees'
import type { Database } from '../../storage/database'
import { feeAssignments } from './assignment-schema'
import { postings } from '../ledger/ledger-schema'
import type { AssignmentStore } from './assignment-store'
import { isUuid } from '../../storage/uuid'

function toAssignment(row: typeof feeAssignments.$inferSelect): FeeAssignment {
  return {
    id: row.id,
    membershipId: row.membershipId,
    feeClassId: row.feeClassId,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    paymentPlanId: row.paymentPlanId,
    amount: row.amount,
  }
}

/** Fee-class assignments in PostgreSQL. */
export function createAssignmentStore(db: Database, organisationId: string): AssignmentStore {
  const scoped = (organisationId: string, id: string) => and(eq(feeAssignments.organisationId, organisationId), eq(feeAssignments.id, id))
  return {
    async listForMembership(membershipId) {
      if (!isUuid(membershipId)) return []
      const rows = await db
        .select()
        .from(feeAssignments)
        .where(and(eq(feeAssignments.organisationId, organisationId), eq(feeAssignments.membershipId, membershipId)))
        .orderBy(asc(feeAssignments.validFrom), asc(feeAssignments.createdAt))
      return rows.map(toAssignment)
    },
    async listAll() {
      const rows = await db.select().from(feeAssignments).where(eq(feeAssignments.organisationId, organisationId))
      return rows.map(toAssignment)
    },
    async getForUpdate(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db.select().from(feeAssignments).where(scoped(organisationId, id)).for('update')
      return row && toAssignment(row)
    },
    async create(input) {
      const [row] = await db
        .insert(feeAssignments)
        .values({ organisationId, ...input })
        .returning()
      return toAssignment(row!)
    },
    async update(id, changes) {
      const [row] = await db.update(feeAssignments).set(changes).where(scoped(organisationId, id)).returning()
      return toAssignment(row!)
    },
    async remove(id) {
      await db.delete(feeAssignments).where(scoped(organisationId, id))
    },
    async countCharges(id) {
      const [row] = await db
        .select({ n: count() })
        .from(postings)
        .where(and(eq(postings.organisationId, organisationId), eq(postings.chargeAssignmentId, id)))
      return Number(row?.n ?? 0)
    },
  }
}
