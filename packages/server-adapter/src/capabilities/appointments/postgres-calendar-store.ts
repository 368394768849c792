import { and, asc, eq, gte, ilike, inArray, lt, sql } from 'drizzle-orm'
import { VereinskitError } from '@vereinskit/core'
import type { CalendarTemplate, StoredBlock, TemplatePattern } from '@vereinskit/core/appointments'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { isUniqueViolation } from '../../storage/rows'
import { escapeLike } from '@vereinskit/core/people'
import { appointmentBlocks, calendarTemplates, consultants, membershipConsultants } from './appointment-schema'
import type { CalendarStore } from './calendar-store'

type TemplateRow = typeof calendarTemplates.$inferSelect
type BlockRow = typeof appointmentBlocks.$inferSelect

const toTemplate = (r: TemplateRow): CalendarTemplate => ({
  id: r.id,
  consultantId: r.consultantId,
  name: r.name,
  active: r.active,
  isDefault: r.isDefault,
  anchorMonday: r.anchorMonday,
  pattern: r.pattern as TemplatePattern,
})

const toBlock = (r: BlockRow): StoredBlock => ({
  id: r.id,
  consultantId: r.consultantId,
  date: r.localDate,
  from: r.fromTime,
  to: r.toTime,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  timeZone: r.timeZone,
  typeId: r.typeId,
  locationId: r.locationId,
  slotMinutes: r.slotMinutes,
  plannable: r.plannable,
  onlineBookable: r.onlineBookable,
  templateId: r.templateId,
})

async function refusingSecondDefault<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new VereinskitError('DEFAULT_TEMPLATE_EXISTS', 'The consultant has a default template already; clear its Standard flag first.')
    }
    throw error
  }
}

/** Templates and blocks in PostgreSQL. */
export function createCalendarStore(db: Database, organisationId: string): CalendarStore {
  const scoped = eq(calendarTemplates.organisationId, organisationId)
  const ownBlocks = eq(appointmentBlocks.organisationId, organisationId)
  return {
    async listTemplates(filter) {
      const rows = await db
        .select()
        .from(calendarTemplates)
        .where(
          and(
            scoped,
            filter.consultantId && isUuid(filter.consultantId) ? eq(calendarTemplates.consultantId, filter.consultantId) : undefined,
            filter.consultantId && !isUuid(filter.consultantId) ? sql`false` : undefined,
            filter.name ? ilike(calendarTemplates.name, `%${escapeLike(filter.name)}%`) : undefined,
            filter.activeOnly ? eq(calendarTemplates.active, true) : undefined,
          ),
        )
        .orderBy(asc(calendarTemplates.name), asc(calendarTemplates.id))
      return rows.map(toTemplate)
    },
    async getTemplate(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db
        .select()
        .from(calendarTemplates)
        .where(and(scoped, eq(calendarTemplates.id, id)))
      return row ? toTemplate(row) : undefined
    },
    async defaultTemplate(consultantId) {
      const [row] = await db
        .select()
        .from(calendarTemplates)
        .where(and(scoped, eq(calendarTemplates.consultantId, consultantId), eq(calendarTemplates.isDefault, true)))
      return row ? toTemplate(row) : undefined
    },
    async createTemplate(template) {
      const [row] = await refusingSecondDefault(() =>
        db
          .insert(calendarTemplates)
          .values({ ...template, organisationId })
          .returning(),
      )
      return toTemplate(row!)
    },
    async updateTemplate(id, changes) {
      if (!isUuid(id)) return undefined
      const [row] = await refusingSecondDefault(() =>
        db
          .update(calendarTemplates)
          .set(changes)
          .where(and(scoped, eq(calendarTemplates.id, id)))
          .returning(),
      )
      return row ? toTemplate(row) : undefined
    },
    async blocks({ from, to, consultantIds }) {
      if (consultantIds && consultantIds.filter(isUuid).length === 0) return []
      const rows = await db
        .select()
        .from(appointmentBlocks)
        .where(
          and(
            ownBlocks,
            gte(appointmentBlocks.startsAt, from),
            lt(appointmentBlocks.startsAt, to),
            consultantIds ? inArray(appointmentBlocks.consultantId, consultantIds.filter(isUuid)) : undefined,
          ),
        )
        .orderBy(asc(appointmentBlocks.startsAt), asc(appointmentBlocks.consultantId))
      return rows.map(toBlock)
    },
    async getBlock(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db
        .select()
        .from(appointmentBlocks)
        .where(and(ownBlocks, eq(appointmentBlocks.id, id)))
      return row ? toBlock(row) : undefined
    },
    async insertBlocks(blocks) {
      const stored: StoredBlock[] = []
      for (let start = 0; start < blocks.length; start += 1000) {
        const rows = await db
          .insert(appointmentBlocks)
          .values(
            blocks.slice(start, start + 1000).map((b) => ({
              organisationId,
              consultantId: b.consultantId,
              localDate: b.date,
              fromTime: b.from,
              toTime: b.to,
              startsAt: b.startsAt,
              endsAt: b.endsAt,
              timeZone: b.timeZone,
              typeId: b.typeId,
              locationId: b.locationId,
              slotMinutes: b.slotMinutes,
              plannable: b.plannable,
              onlineBookable: b.onlineBookable,
              templateId: b.templateId,
            })),
          )
          .returning()
        stored.push(...rows.map(toBlock))
      }
      return stored
    },
    async deleteBlocks(ids) {
      let deleted = 0
      for (let start = 0; start < ids.length; start += 1000) {
        const rows = await db
          .delete(appointmentBlocks)
          .where(and(ownBlocks, inArray(appointmentBlocks.id, ids.slice(start, start + 1000) as string[])))
          .returning({ id: appointmentBlocks.id })
        deleted += rows.length
      }
      return deleted
    },
    async lockConsultant(consultantId) {
      if (!isUuid(consultantId)) return false
      const rows = await db
        .select({ id: consultants.id })
        .from(consultants)
        .where(and(eq(consultants.organisationId, organisationId), eq(consultants.id, consultantId)))
        .for('update')
      return rows.length > 0
    },
    async homeConsultant(membershipId) {
      if (!isUuid(membershipId)) return undefined
      const [row] = await db
        .select({ consultantId: membershipConsultants.consultantId, locationId: membershipConsultants.locationId })
        .from(membershipConsultants)
        .where(and(eq(membershipConsultants.organisationId, organisationId), eq(membershipConsultants.membershipId, membershipId)))
      return row
    },
    async setHomeConsultant(membershipId, home) {
      await db
        .insert(membershipConsultants)
        .values({ organisationId, membershipId, ...home })
        .onConflictDoUpdate({ target: [membershipConsultants.organisationId, membershipConsultants.membershipId], set: home })
    },
  }
}
