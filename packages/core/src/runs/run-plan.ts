import type { CalendarDate } from '../calendar/calendar-date'

/**
 * How an applied run is taken back, as the handbook allows per kind: `undo` removes what the run booked (a charge
 * run, Sollstellungslauf, while nothing depends on it), `cancel` keeps its documents but marks them cancelled and
 * frees what they used (an invoice run), `none` means it is corrected by other bookings only (a write-off).
 */
export type RunReversal = 'undo' | 'cancel' | 'none'

/**
 * The one shape every run (Lauf) is planned into, whatever its kind: the preview shows it, applying books exactly
 * it, and the idempotency key names its content, so a repeated apply finds the same run and a changed plan gets a
 * new key. `Summary` is what the run reports once applied (typed per kind, stored with the run).
 */
export interface RunPlan<Kind extends string, Summary> {
  readonly kind: Kind
  readonly idempotencyKey: string
  /** The date the run is for (charge date, invoice date, booking date). */
  readonly asOf: CalendarDate
  readonly summary: Summary
  readonly reversal: RunReversal
}

/** Declares a run plan, keeping the literal kind for inference. */
export function runPlan<const Kind extends string, Summary>(plan: RunPlan<Kind, Summary>): RunPlan<Kind, Summary> {
  return plan
}
