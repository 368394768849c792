import type { CalendarDate } from '@vereinskit/core'
import { isDunningBlocked } from '@vereinskit/core/dunning'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { notFound } from '../../http/not-found-error'
import type { DunningLetterRecord } from './dunning-store'

/** One letter as a history entry. */
export function historyEntry(l: DunningLetterRecord) {
  return {
    letterId: l.id,
    runId: l.runId,
    number: l.number,
    fromLevel: l.fromLevel,
    toLevel: l.toLevel,
    date: l.letterOn,
    fee: l.fee,
    channel: l.channel,
    documentId: l.documentId,
    cancelledAt: l.cancelledAt?.toISOString() ?? null,
  }
}

/** Refuses a membership of another organisation or none. */
export async function mustHaveMembership(storage: OrganisationStorage, membershipId: string): Promise<void> {
  if (!(await storage.memberships.get(membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', membershipId)
}

/** A membership's dunning state with every letter and event (handbook §11.8 Konto). */
export async function dunningStateView(storage: OrganisationStorage, membershipId: string, today: CalendarDate) {
  const [state, letters, events] = [
    await storage.dunning.state(membershipId),
    await storage.dunning.letters({ membershipId }),
    await storage.dunning.events(membershipId),
  ]
  return {
    membershipId,
    level: state.level,
    lastLetterOn: state.lastLetterOn,
    block: state.block,
    blockedToday: isDunningBlocked(state, today),
    courtProcedure: state.courtProcedure,
    noCourtOrder: state.noCourtOrder,
    letters: letters.map(historyEntry),
    events: events.map((e) => ({ kind: e.kind, on: e.on, detail: { ...e.detail }, actor: e.actor, at: e.createdAt.toISOString() })),
  }
}
