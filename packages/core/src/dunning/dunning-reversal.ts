import { VereinskitError } from '../errors/vereinskit-error'
import type { CalendarDate } from '../calendar/calendar-date'
import type { DunningState } from './dunning-state'

/** A dunning letter as its reversal needs it (one history entry of a membership). */
export interface DunningLetterEntry {
  readonly id: string
  readonly runId: string | null
  readonly membershipId: string
  /** Creation order across the organisation; a later letter has a higher sequence. */
  readonly sequence: number
  readonly fromLevel: number | null
  readonly previousLetterOn: CalendarDate | null
  readonly toLevel: number
  readonly letterOn: CalendarDate
  readonly cancelled: boolean
}

/**
 * Refuses reversing a run while a later letter that is not cancelled exists for one of its members (handbook §6.3
 * Storno: run 2 before run 1, because run 1's level could not come back otherwise). Runs that share no member can be
 * reversed in any order. The error names the blocking run.
 */
export function assertRunReversible(runId: string, letters: readonly DunningLetterEntry[]): void {
  const ofRun = letters.filter((l) => l.runId === runId && !l.cancelled)
  const byMember = new Map<string, DunningLetterEntry[]>()
  for (const letter of letters) {
    if (letter.cancelled) continue
    byMember.set(letter.membershipId, [...(byMember.get(letter.membershipId) ?? []), letter])
  }
  for (const own of ofRun) {
    const later = (byMember.get(own.membershipId) ?? []).filter((l) => l.sequence > own.sequence).sort((a, b) => b.sequence - a.sequence)[0]
    if (later) {
      const by = later.runId ? `dunning run ${later.runId}` : 'a later letter'
      throw new VereinskitError(
        'DUNNING_REVERSAL_ORDER',
        `Reverse ${by} first: it dunned membership ${own.membershipId} after this run (handbook: newest run first).`,
      )
    }
  }
}

/**
 * The latest letter of a membership that is not cancelled: what "cancel last dunning" (Mahnung stornieren) takes
 * back, restoring its previous level and date (docs/decisions/0000#d12). Repeating it takes the one before.
 */
export function lastLetterToCancel<L extends DunningLetterEntry>(letters: readonly L[], membershipId: string): L {
  const last = letters.filter((l) => l.membershipId === membershipId && !l.cancelled).sort((a, b) => b.sequence - a.sequence)[0]
  if (!last) throw new VereinskitError('DUNNING_NOTHING_TO_CANCEL', `Membership ${membershipId} has no dunning letter left to cancel.`)
  return last
}

/** How a cancelled letter's fee is taken back: deleted while nothing settled it, else reversed by a counter-posting. */
export type FeeReversal = 'delete' | 'counter-post' | 'none'

/**
 * A fee nothing has settled or used (an invoice, a direct debit) is deleted with its letter (docs/decisions/0000#d12). A fee a payment already settled
 * (or partly) stays, and a counter-posting (Stornobuchung) gives the amount back as credit, which the usual order
 * allocates to other open debts — so the payment's record stays true. @see docs/decisions/0015-dunning-restart-and-fee-reversal.md
 */
export function feeReversalOf(fee: {
  readonly postingId: string | null
  readonly settled: number
  readonly usedByOtherRuns: boolean
}): FeeReversal {
  if (fee.postingId === null) return 'none'
  return fee.settled > 0 || fee.usedByOtherRuns ? 'counter-post' : 'delete'
}

/**
 * The level and date each membership gets back when these letters are taken back: the one before the letter — but
 * only while the membership still shows what the letter set. A level corrected by hand since then stands.
 * @see docs/decisions/0015-dunning-restart-and-fee-reversal.md
 */
export function levelsToRestore(
  letters: readonly DunningLetterEntry[],
  states: ReadonlyMap<string, Pick<DunningState, 'level' | 'lastLetterOn'>>,
): { membershipId: string; level: number | null; lastLetterOn: CalendarDate | null }[] {
  return letters
    .filter((l) => {
      const state = states.get(l.membershipId)
      return state?.level === l.toLevel && state.lastLetterOn === l.letterOn
    })
    .map((l) => ({ membershipId: l.membershipId, level: l.fromLevel, lastLetterOn: l.previousLetterOn }))
}
