import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import type { ApplicationSubmission } from '@vereinskit/core/applications'
import { ValidationError } from '@vereinskit/core'
import type { Database } from '../../storage/database'
import { applications } from './application-schema'
import { feeClassGroups } from '../finance-setup/finance-schema'
import { memberships } from '../memberships/membership-schema'
import type { ApplicationRecord, ApplicationStore } from './application-store'
import { isUuid } from '../../storage/uuid'

const columns = {
  id: applications.id,
  organisationId: applications.organisationId,
  status: applications.status,
  submittedAt: applications.submittedAt,
  submittedOn: applications.submittedOn,
  decidedAt: applications.decidedAt,
  submission: applications.submission,
  feeClassGroupName: feeClassGroups.name,
  rejectionReason: applications.rejectionReason,
  personId: applications.personId,
  membershipId: applications.membershipId,
  membershipNumber: memberships.number,
}

interface Row {
  id: string
  organisationId: string
  status: string
  submittedAt: Date
  submittedOn: string
  decidedAt: Date | null
  submission: unknown
  feeClassGroupName: string
  rejectionReason: string | null
  personId: string | null
  membershipId: string | null
  membershipNumber: number | null
}

function toApplication(row: Row): ApplicationRecord {
  return { ...row, status: row.status as ApplicationRecord['status'], submission: row.submission as ApplicationSubmission }
}

function encodeCursor(application: ApplicationRecord): string {
  return Buffer.from(`${application.submittedAt.toISOString()}|${application.id}`).toString('base64url')
}

function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  const [timestamp = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|')
  const submittedAt = new Date(timestamp)
  // Only instants PostgreSQL can hold and a submission can have: years 2000–9999.
  const year = submittedAt.getUTCFullYear()
  if (Number.isNaN(submittedAt.getTime()) || year < 2000 || year > 9999 || !isUuid(id)) {
    throw new ValidationError([{ path: 'cursor', code: 'invalid-cursor', message: 'The page cursor is not valid.' }])
  }
  return { submittedAt, id }
}

/** Online applications in PostgreSQL. */
export function createApplicationStore(db: Database, organisationId: string): ApplicationStore {
  const select = () =>
    db
      .select(columns)
      .from(applications)
      .innerJoin(feeClassGroups, eq(feeClassGroups.id, applications.feeClassGroupId))
      .leftJoin(memberships, eq(memberships.id, applications.membershipId))

  async function getOne(organisationId: string, id: string, forUpdate: boolean) {
    if (!isUuid(id)) return undefined
    const where = and(eq(applications.organisationId, organisationId), eq(applications.id, id))
    const query = select().where(where)
    const [row] = forUpdate ? await query.for('update', { of: applications }) : await query
    return row && toApplication(row)
  }

  async function mustGet(organisationId: string, id: string) {
    const application = await getOne(organisationId, id, false)
    if (!application) throw new Error(`Application ${id} vanished inside its own transaction`)
    return application
  }

  return {
    async insert(submission, at) {
      const [row] = await db
        .insert(applications)
        .values({ organisationId, submission, feeClassGroupId: submission.feeClassGroupId, ...at })
        .returning({ id: applications.id })
      return mustGet(organisationId, row!.id)
    },
    async list({ status, limit, cursor }) {
      const conditions: (SQL | undefined)[] = [eq(applications.organisationId, organisationId)]
      if (status) conditions.push(eq(applications.status, status))
      if (cursor) {
        const after = decodeCursor(cursor)
        conditions.push(
          or(
            lt(applications.submittedAt, after.submittedAt),
            and(eq(applications.submittedAt, after.submittedAt), lt(applications.id, after.id)),
          ),
        )
      }
      const rows = await select()
        .where(and(...conditions))
        .orderBy(desc(applications.submittedAt), desc(applications.id))
        .limit(limit + 1)
      const items = rows.slice(0, limit).map(toApplication)
      const last = items.at(-1)
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
    },
    get: (id) => getOne(organisationId, id, false),
    getForUpdate: (id) => getOne(organisationId, id, true),
    async markAccepted(id, created, decidedAt) {
      await db
        .update(applications)
        .set({ status: 'accepted', decidedAt, ...created })
        .where(and(eq(applications.organisationId, organisationId), eq(applications.id, id)))
      return mustGet(organisationId, id)
    },
    async markRejected(id, reason, decidedAt) {
      await db
        .update(applications)
        .set({ status: 'rejected', decidedAt, rejectionReason: reason })
        .where(and(eq(applications.organisationId, organisationId), eq(applications.id, id)))
      return mustGet(organisationId, id)
    },
  }
}
