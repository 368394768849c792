import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import { VereinskitError } from '@vereinskit/core'
import type { AppointmentKind } from '@vereinskit/core/appointments'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { isUniqueViolation } from '../../storage/rows'
import { notFound } from '../../http/not-found-error'
import { appointments } from './appointment-schema'
import type { AppointmentRecord, AppointmentStore } from './appointment-store'

type Row = typeof appointments.$inferSelect

function toRecord(r: Row): AppointmentRecord {
  const { organisationId: _o, createdAt: _c, ...rest } = r
  return {
    ...rest,
    kind: r.kind as AppointmentKind,
    bookedVia: r.bookedVia as 'staff' | 'online',
    cancelledBy: r.cancelledBy as 'staff' | 'member' | null,
  }
}

const slotTaken = () =>
  new VereinskitError('SLOT_NOT_AVAILABLE', 'The consultant has an appointment at that time already; choose another slot.')

/** Appointments in PostgreSQL. */
export function createAppointmentStore(db: Database, organisationId: string): AppointmentStore {
  const scoped = eq(appointments.organisationId, organisationId)
  const open = isNull(appointments.cancelledAt)
  return {
    async booked({ from, to, consultantIds }) {
      const ids = consultantIds?.filter(isUuid)
      if (ids && ids.length === 0) return []
      return db
        .select({ consultantId: appointments.consultantId, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
        .from(appointments)
        .where(
          and(
            scoped,
            open,
            lt(appointments.startsAt, to),
            gt(appointments.endsAt, from),
            ids ? inArray(appointments.consultantId, ids) : undefined,
          ),
        )
    },
    async insert(appointment) {
      try {
        const [row] = await db
          .insert(appointments)
          .values({ ...appointment, organisationId })
          .returning()
        return toRecord(row!)
      } catch (error) {
        if (isUniqueViolation(error)) throw slotTaken()
        throw error
      }
    },
    async get(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db
        .select()
        .from(appointments)
        .where(and(scoped, eq(appointments.id, id)))
      return row ? toRecord(row) : undefined
    },
    async list(filter) {
      for (const id of [filter.consultantId, filter.locationId, filter.personId, filter.appointmentId])
        if (id !== undefined && !isUuid(id)) return []
      const rows = await db
        .select()
        .from(appointments)
        .where(
          and(
            scoped,
            filter.includeCancelled ? undefined : open,
            filter.from ? gte(appointments.startsAt, filter.from) : undefined,
            filter.to ? lt(appointments.startsAt, filter.to) : undefined,
            filter.consultantId ? eq(appointments.consultantId, filter.consultantId) : undefined,
            filter.locationId ? eq(appointments.locationId, filter.locationId) : undefined,
            filter.personId ? eq(appointments.personId, filter.personId) : undefined,
            filter.appointmentId ? eq(appointments.id, filter.appointmentId) : undefined,
            filter.missedBefore ? and(eq(appointments.attended, false), lte(appointments.endsAt, filter.missedBefore)) : undefined,
          ),
        )
        .orderBy(asc(appointments.startsAt), asc(appointments.id))
        .limit(filter.limit ?? 5000)
      return rows.map(toRecord)
    },
    async update(id, changes) {
      if (!isUuid(id)) throw notFound('APPOINTMENT_NOT_FOUND', 'Appointment', id)
      try {
        const [row] = await db
          .update(appointments)
          .set({ ...changes, sequence: sql`${appointments.sequence} + 1` })
          .where(and(scoped, eq(appointments.id, id)))
          .returning()
        if (!row) throw notFound('APPOINTMENT_NOT_FOUND', 'Appointment', id)
        return toRecord(row)
      } catch (error) {
        if (isUniqueViolation(error)) throw slotTaken()
        throw error
      }
    },
    async openCount(personId, now) {
      const [row] = await db
        .select({ n: sql<string>`count(*)` })
        .from(appointments)
        .where(and(scoped, open, eq(appointments.personId, personId), gt(appointments.startsAt, now)))
      return Number(row?.n ?? 0)
    },
    async lastConsultant(personId, now) {
      const [row] = await db
        .select({ consultantId: appointments.consultantId })
        .from(appointments)
        .where(and(scoped, open, eq(appointments.personId, personId), lte(appointments.startsAt, now)))
        .orderBy(desc(appointments.startsAt))
        .limit(1)
      return row?.consultantId ?? null
    },
    async claimReminders(now, until) {
      const rows = await db
        .update(appointments)
        .set({ reminderQueuedAt: now })
        .where(and(scoped, open, isNull(appointments.reminderQueuedAt), gt(appointments.startsAt, now), lte(appointments.startsAt, until)))
        .returning()
      return rows.map(toRecord)
    },
    async markMissedLetters(ids, at) {
      const valid = ids.filter(isUuid)
      if (valid.length === 0) return []
      const rows = await db
        .update(appointments)
        .set({ missedLetterAt: at })
        .where(and(scoped, inArray(appointments.id, valid), isNull(appointments.missedLetterAt)))
        .returning({ id: appointments.id })
      return rows.map((r) => r.id)
    },
  }
}
