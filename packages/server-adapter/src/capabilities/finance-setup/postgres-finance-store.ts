import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { VereinskitError } from '@vereinskit/core'
import type { Account, FeeClass, PaymentPlan } from '@vereinskit/core/fees'
import { ClubSettings } from '@vereinskit/core/settings'
import type { Database } from '../../storage/database'
import { accounts, feeClasses, feeClassGroupItems, feeClassGroups, paymentPlans } from './finance-schema'
import { organisations } from '../../storage/shared-schema'
import type { FinanceStore } from './finance-store'
import { isUuid } from '../../storage/uuid'
import { refusingDuplicates } from '../../storage/rows'

function toAccount(row: typeof accounts.$inferSelect): Account {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    type: row.type as Account['type'],
    receivableKind: row.receivableKind as Account['receivableKind'],
    priority: row.priority,
  }
}

function toPlan(row: typeof paymentPlans.$inferSelect): PaymentPlan {
  return { id: row.id, name: row.name, ...(row.rules as Omit<PaymentPlan, 'id' | 'name'>) }
}

function toFeeClass(row: typeof feeClasses.$inferSelect): FeeClass {
  return {
    id: row.id,
    name: row.name,
    amount: row.amount,
    paymentPlanId: row.paymentPlanId,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    accountId: row.accountId,
    successorId: row.successorId,
    showInMembership: row.showInMembership,
  }
}

/** Accounts, plans, fee classes, groups and settings in PostgreSQL. */
export function createFinanceStore(db: Database, organisationId: string): FinanceStore {
  return {
    async listAccounts() {
      const rows = await db.select().from(accounts).where(eq(accounts.organisationId, organisationId)).orderBy(asc(accounts.number))
      return rows.map(toAccount)
    },
    async createAccount(input) {
      return refusingDuplicates(`An account named "${input.name}" or numbered ${input.number} exists already.`, async () => {
        const [row] = await db
          .insert(accounts)
          .values({ organisationId, ...input })
          .returning()
        return toAccount(row!)
      })
    },
    async listPlans() {
      const rows = await db
        .select()
        .from(paymentPlans)
        .where(eq(paymentPlans.organisationId, organisationId))
        .orderBy(asc(paymentPlans.name))
      return rows.map(toPlan)
    },
    async createPlan({ name, ...rules }) {
      const [row] = await refusingDuplicates(`A payment plan named "${name}" exists already.`, () =>
        db.insert(paymentPlans).values({ organisationId, name, rules }).returning(),
      )
      return toPlan(row!)
    },
    async updatePlan({ id, name, ...rules }) {
      if (!isUuid(id)) return undefined
      const [row] = await refusingDuplicates(`A payment plan named "${name}" exists already.`, () =>
        db
          .update(paymentPlans)
          .set({ name, rules })
          .where(and(eq(paymentPlans.organisationId, organisationId), eq(paymentPlans.id, id)))
          .returning(),
      )
      return row && toPlan(row)
    },
    async listFeeClasses() {
      const rows = await db.select().from(feeClasses).where(eq(feeClasses.organisationId, organisationId)).orderBy(asc(feeClasses.name))
      return rows.map(toFeeClass)
    },
    async createFeeClass(input) {
      return refusingDuplicates(`A fee class named "${input.name}" exists already.`, async () => {
        const [row] = await db
          .insert(feeClasses)
          .values({ organisationId, ...input })
          .returning()
        return toFeeClass(row!)
      })
    },
    async updateFeeClass(id, changes) {
      if (!isUuid(id)) return undefined
      const [row] = await db
        .update(feeClasses)
        .set(changes)
        .where(and(eq(feeClasses.organisationId, organisationId), eq(feeClasses.id, id)))
        .returning()
      return row && toFeeClass(row)
    },
    async listGroupItems() {
      return db
        .select({ groupId: feeClassGroupItems.groupId, feeClassId: feeClassGroupItems.feeClassId, amount: feeClassGroupItems.amount })
        .from(feeClassGroupItems)
        .innerJoin(feeClassGroups, eq(feeClassGroups.id, feeClassGroupItems.groupId))
        .where(eq(feeClassGroups.organisationId, organisationId))
    },
    async setGroupItems(groupId, items) {
      const [group] = await db
        .select({ id: feeClassGroups.id })
        .from(feeClassGroups)
        .where(and(eq(feeClassGroups.organisationId, organisationId), eq(feeClassGroups.id, groupId)))
      if (!group) return
      await db.delete(feeClassGroupItems).where(eq(feeClassGroupItems.groupId, groupId))
      if (items.length > 0) {
        const ids = items.map((i) => i.feeClassId)
        const owned = await db
          .select({ id: feeClasses.id })
          .from(feeClasses)
          .where(and(eq(feeClasses.organisationId, organisationId), inArray(feeClasses.id, ids.filter(isUuid))))
        const missing = ids.filter((id) => !owned.some((o) => o.id === id))
        if (missing.length > 0) throw new VereinskitError('FEE_CLASS_NOT_FOUND', `Fee class ${missing.join(', ')} does not exist.`)
        await db.insert(feeClassGroupItems).values(items.map((i) => ({ groupId, ...i })))
      }
    },
    async getSettings() {
      const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, organisationId))
      return ClubSettings.parse(row?.settings ?? {})
    },
    async updateSettings(changes) {
      const current = await this.getSettings()
      const next = ClubSettings.parse({ ...current, ...changes })
      await db.update(organisations).set({ settings: next }).where(eq(organisations.id, organisationId))
      return next
    },
    async takeInvoiceNumbers(count) {
      const [row] = await db
        .update(organisations)
        .set({ lastInvoiceNumber: sql`${organisations.lastInvoiceNumber} + ${count}` })
        .where(eq(organisations.id, organisationId))
        .returning({ last: organisations.lastInvoiceNumber })
      return row!.last - count
    },
    async lastInvoiceNumber() {
      const [row] = await db
        .select({ last: organisations.lastInvoiceNumber })
        .from(organisations)
        .where(eq(organisations.id, organisationId))
      return row?.last ?? 0
    },
  }
}
