import { compareDates, type CalendarDate } from '../calendar/calendar-date'

/**
 * The dunning state of a membership (handbook §11.8 Konto): its level (Mahnstufe) and the date of its last letter
 * (Mahndatum), the dunning block (Mahnsperre, open-ended or until a date), and the markers for a court procedure
 * (Mahnverfahren) and against a court order (Mahnbescheidsperre).
 */
export interface DunningState {
  readonly level: number | null
  readonly lastLetterOn: CalendarDate | null
  /** Mahnsperre: absent when not blocked; `until` null means open-ended. */
  readonly block: { readonly until: CalendarDate | null } | null
  readonly courtProcedure: boolean
  readonly noCourtOrder: boolean
}

/** A membership never dunned and never blocked. */
export const noDunning: DunningState = { level: null, lastLetterOn: null, block: null, courtProcedure: false, noCourtOrder: false }

/** Whether the dunning block holds on `asOf`: open-ended, or until a date that is on or after it (docs/decisions/0000#d11). */
export function isDunningBlocked(state: Pick<DunningState, 'block'>, asOf: CalendarDate): boolean {
  if (!state.block) return false
  return state.block.until === null || compareDates(state.block.until, asOf) >= 0
}

/** Whether the nightly job clears the block on `today`: a block with an end date before today (docs/decisions/0000#d11). */
export function isDunningBlockExpired(state: Pick<DunningState, 'block'>, today: CalendarDate): boolean {
  return state.block !== null && state.block.until !== null && compareDates(state.block.until, today) < 0
}
