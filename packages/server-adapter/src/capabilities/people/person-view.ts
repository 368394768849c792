import type { CalendarDate } from '@vereinskit/core'
import { membershipStateOn } from '@vereinskit/core/members'
import type { PersonAuditEntryView, PersonView } from '@vereinskit/core/contract'
import type { z } from 'zod'
import type { PersonAuditLine, PersonPlace } from './people-store'
import type { PersonRecord } from './person-record'

/** A person and their places as the contract shows them. */
export function personView(person: PersonRecord, places: readonly PersonPlace[], today: CalendarDate): PersonView {
  return {
    ...person,
    places: places.map((p) => ({
      membershipId: p.membershipId,
      number: p.number,
      role: p.role,
      attachmentId: p.attachmentId,
      joinedOn: p.joinedOn,
      endsOn: p.endsOn,
      state: membershipStateOn(p, today),
    })),
  }
}

/**
 * An audit line as this organisation's staff see it: the acting key when it was one of theirs; another
 * organisation's change shows as `other-organisation` (which one is not theirs to know), the person's own as `person`.
 */
export function auditEntryView(line: PersonAuditLine, organisationId: string): z.infer<typeof PersonAuditEntryView> {
  const actor = line.organisationId === null ? 'person' : line.organisationId === organisationId ? line.actor : 'other-organisation'
  return { id: line.id, changedAt: line.changedAt.toISOString(), actor, field: line.field, before: line.before, after: line.after }
}
