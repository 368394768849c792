import { addDays, compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { FieldIssue } from '../errors/vereinskit-error'

/**
 * Persons attached to a membership (handbook §11.6 "Zugeordnete Personen"): partner members (P, Partnermitglied)
 * and beneficiaries (L, leistungsempfangsberechtigte Person). Both belong to the main membership: L never has
 * fees, an account or a mandate of its own; P is fee-free unless the club assigns a class to the membership
 * (docs/decisions/0000#d8).
 */
export type AttachedRole = 'partner' | 'beneficiary'

/** A person's current places in the organisation, as the rule needs them. */
export interface PersonPlaces {
  /** Memberships where the person is the main member, with their end. */
  readonly mainOf: readonly { membershipId: string; endsOn: CalendarDate | null }[]
  /** Attachments (P or L) the person holds, with when they end. */
  readonly attachedTo: readonly { membershipId: string; leftOn: CalendarDate | null }[]
}

const current = (endsOn: CalendarDate | null, asOf: CalendarDate) => endsOn === null || compareDates(endsOn, asOf) >= 0

/**
 * Whether `person` may be attached to `membershipId` from `joinedOn`: a main member of a current membership
 * cannot be P or L of another (§11.6 rule 20), nobody is attached to their own membership, and nobody twice.
 */
export function checkAttachment(
  membership: { id: string; mainPersonId: string; joinedOn: CalendarDate; endsOn: CalendarDate | null },
  personId: string,
  places: PersonPlaces,
  joinedOn: CalendarDate,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (personId === membership.mainPersonId) {
    issues.push({ path: 'personId', code: 'main-member', message: 'The main member cannot also be attached to their own membership.' })
  } else if (places.mainOf.some((m) => current(m.endsOn, joinedOn))) {
    issues.push({
      path: 'personId',
      code: 'main-member-elsewhere',
      message: 'This person is the main member of a membership and cannot be a partner or beneficiary of another.',
    })
  }
  if (places.attachedTo.some((a) => a.membershipId === membership.id && current(a.leftOn, joinedOn))) {
    issues.push({ path: 'personId', code: 'already-attached', message: 'This person is already attached to the membership.' })
  }
  if (compareDates(joinedOn, membership.joinedOn) < 0) {
    issues.push({ path: 'joinedOn', code: 'before-membership', message: `The membership began on ${membership.joinedOn}.` })
  }
  if (membership.endsOn !== null && compareDates(joinedOn, membership.endsOn) > 0) {
    issues.push({ path: 'joinedOn', code: 'after-membership', message: `The membership ended on ${membership.endsOn}.` })
  }
  return issues
}

/**
 * Whether `personId` may become main member of a new membership from `joinedOn`: §11.6 rule 20 read the other way
 * round — a current partner or beneficiary elsewhere is not made a main member — and nobody pays for themself as
 * their own alternate payer.
 */
export function checkNewMainMember(
  personId: string,
  places: PersonPlaces,
  joinedOn: CalendarDate,
  alternatePayerPersonId: string | null,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (alternatePayerPersonId === personId) {
    issues.push({
      path: 'alternatePayerPersonId',
      code: 'payer-is-member',
      message: 'The member pays for themself: leave the alternate payer out.',
    })
  }
  if (places.attachedTo.some((a) => current(a.leftOn, joinedOn))) {
    issues.push({
      path: 'existingPersonId',
      code: 'attached-elsewhere',
      message: 'This person is a partner or beneficiary of a current membership; end that first.',
    })
  }
  return issues
}

/**
 * "P übernimmt H" (handbook §11.6 rules 54–64): the partner takes over the day after the main member leaves, with
 * a new membership number; fee classes are not carried over.
 */
export function takeoverDate(leavingOn: CalendarDate): CalendarDate {
  return addDays(leavingOn, 1)
}
