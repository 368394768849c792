import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import { noDunning, type DunningLevel, type DunningState } from '@vereinskit/core/dunning'
import type { Database } from '../../storage/database'
import { memberships } from '../memberships/membership-schema'
import { unnestBatchSize } from '../ledger/posting-sql'
import { isUuid } from '../../storage/uuid'
import { dunningEvents, dunningLetters, dunningLevels, dunningStates } from './dunning-schema'
import type { DunningEventRecord, DunningLetterRecord, DunningStore } from './dunning-store'

type StateRow = typeof dunningStates.$inferSelect
type LetterRow = typeof dunningLetters.$inferSelect

function toState(row: StateRow | undefined): DunningState {
  if (!row) return noDunning
  return {
    level: row.level,
    lastLetterOn: row.lastLetterOn,
    block: row.blocked ? { until: row.blockedUntil } : null,
    courtProcedure: row.courtProcedure,
    noCourtOrder: row.noCourtOrder,
  }
}

function stateColumns(changes: Partial<DunningState>) {
  return {
    ...(changes.level !== undefined && { level: changes.level }),
    ...(changes.lastLetterOn !== undefined && { lastLetterOn: changes.lastLetterOn }),
    ...(changes.block !== undefined && { blocked: changes.block !== null, blockedUntil: changes.block?.until ?? null }),
    ...(changes.courtProcedure !== undefined && { courtProcedure: changes.courtProcedure }),
    ...(changes.noCourtOrder !== undefined && { noCourtOrder: changes.noCourtOrder }),
  }
}

function toLetter(row: LetterRow): DunningLetterRecord {
  return {
    id: row.id,
    runId: row.runId,
    membershipId: row.membershipId,
    sequence: row.sequence,
    number: row.number,
    fromLevel: row.fromLevel,
    previousLetterOn: row.previousLetterOn,
    toLevel: row.toLevel,
    letterOn: row.letterOn,
    fee: row.fee,
    feePostingId: row.feePostingId,
    itemIds: row.itemIds,
    channel: row.channel as 'letter' | 'email',
    documentId: row.documentId,
    cancelled: row.cancelledAt !== null,
    cancelledAt: row.cancelledAt,
    cancelledBy: row.cancelledBy,
  }
}

/** Dunning in PostgreSQL. */
export function createDunningStore(db: Database, organisationId: string): DunningStore {
  const ownStates = eq(dunningStates.organisationId, organisationId)
  const ownLetters = eq(dunningLetters.organisationId, organisationId)
  return {
    async levels() {
      const rows = await db
        .select()
        .from(dunningLevels)
        .where(eq(dunningLevels.organisationId, organisationId))
        .orderBy(asc(dunningLevels.number))
      return rows.map(({ organisationId: _, ...level }): DunningLevel => level)
    },
    async replaceLevels(levels) {
      await db.delete(dunningLevels).where(eq(dunningLevels.organisationId, organisationId))
      if (levels.length > 0) await db.insert(dunningLevels).values(levels.map((l) => ({ organisationId, ...l })))
    },
    async levelsInUse() {
      const rows = await db
        .selectDistinct({ level: dunningStates.level })
        .from(dunningStates)
        .where(and(ownStates, isNotNull(dunningStates.level)))
      return rows.map((r) => r.level!).sort((a, b) => a - b)
    },
    async states() {
      const rows = await db.select().from(dunningStates).where(ownStates)
      return new Map(rows.map((r) => [r.membershipId, toState(r)]))
    },
    async state(membershipId) {
      if (!isUuid(membershipId)) return noDunning
      const [row] = await db
        .select()
        .from(dunningStates)
        .where(and(ownStates, eq(dunningStates.membershipId, membershipId)))
      return toState(row)
    },
    async updateState(membershipId, changes) {
      if (!isUuid(membershipId)) return
      const columns = stateColumns(changes)
      // The row is created only for a membership of this organisation; another's is never touched.
      const [own] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, membershipId)))
      if (!own) return
      await db
        .insert(dunningStates)
        .values({ membershipId, organisationId, ...columns })
        .onConflictDoUpdate({
          target: dunningStates.membershipId,
          set: Object.keys(columns).length > 0 ? columns : { organisationId },
          where: ownStates,
        })
    },
    async setLevels(list) {
      for (let start = 0; start < list.length; start += unnestBatchSize) {
        const batch = list.slice(start, start + unnestBatchSize)
        await db.execute(sql`insert into dunning_states (membership_id, organisation_id, level, last_letter_on)
          select m.id, m.organisation_id, v.level, v.last_letter_on
          from unnest(${sql.param(batch.map((s) => s.membershipId))}::uuid[], ${sql.param(batch.map((s) => s.level))}::int[],
                      ${sql.param(batch.map((s) => s.lastLetterOn))}::date[]) as v(membership_id, level, last_letter_on)
          join memberships m on m.id = v.membership_id and m.organisation_id = ${organisationId}
          on conflict (membership_id) do update set level = excluded.level, last_letter_on = excluded.last_letter_on
          where dunning_states.organisation_id = ${organisationId}`)
      }
    },
    async lastLetterNumber() {
      const [row] = await db
        .select({ max: sql<string | null>`max(${dunningLetters.number})` })
        .from(dunningLetters)
        .where(ownLetters)
      return Number(row?.max ?? 0)
    },
    async insertLetters(list, onBatch) {
      for (let start = 0; start < list.length; start += 1000) {
        await db
          .insert(dunningLetters)
          .values(list.slice(start, start + 1000).map(({ itemIds, ...l }) => ({ organisationId, ...l, itemIds: [...itemIds] })))
        onBatch?.(Math.min(start + 1000, list.length))
      }
    },
    async letters(filter) {
      const ids = [filter.membershipId, filter.runId, filter.membersOfRun].filter((x): x is string => x !== undefined)
      if (ids.some((id) => !isUuid(id))) return []
      const membersOfRun = filter.membersOfRun
        ? inArray(
            dunningLetters.membershipId,
            db
              .select({ m: dunningLetters.membershipId })
              .from(dunningLetters)
              .where(and(ownLetters, eq(dunningLetters.runId, filter.membersOfRun))),
          )
        : undefined
      const rows = await db
        .select()
        .from(dunningLetters)
        .where(
          and(
            ownLetters,
            filter.membershipId ? eq(dunningLetters.membershipId, filter.membershipId) : undefined,
            filter.runId ? eq(dunningLetters.runId, filter.runId) : undefined,
            membersOfRun,
          ),
        )
        .orderBy(asc(dunningLetters.sequence))
      return rows.map(toLetter)
    },
    async cancelLetters(ids, at, actor) {
      for (let start = 0; start < ids.length; start += 1000) {
        await db
          .update(dunningLetters)
          .set({ cancelledAt: at, cancelledBy: actor })
          .where(and(ownLetters, inArray(dunningLetters.id, ids.slice(start, start + 1000)), isNull(dunningLetters.cancelledAt)))
      }
    },
    async addEvents(list) {
      if (list.length === 0) return
      for (let start = 0; start < list.length; start += 1000) {
        await db.insert(dunningEvents).values(list.slice(start, start + 1000).map((e) => ({ organisationId, ...e })))
      }
    },
    async events(membershipId) {
      if (!isUuid(membershipId)) return []
      const rows = await db
        .select()
        .from(dunningEvents)
        .where(and(eq(dunningEvents.organisationId, organisationId), eq(dunningEvents.membershipId, membershipId)))
        .orderBy(asc(dunningEvents.createdAt))
      return rows.map((r): DunningEventRecord => ({
        kind: r.kind as DunningEventRecord['kind'],
        on: r.on,
        detail: r.detail as Record<string, unknown>,
        actor: r.actor,
        createdAt: r.createdAt,
      }))
    },
    async clearExpiredBlocks(today) {
      const rows = await db
        .update(dunningStates)
        .set({ blocked: false, blockedUntil: null })
        .where(
          and(ownStates, eq(dunningStates.blocked, true), isNotNull(dunningStates.blockedUntil), lt(dunningStates.blockedUntil, today)),
        )
        .returning({ membershipId: dunningStates.membershipId })
      return rows.map((r) => r.membershipId)
    },
  }
}
