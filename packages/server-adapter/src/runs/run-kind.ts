import type { CalendarDate } from '@vereinskit/core'
import type { RunPlan } from '@vereinskit/core/runs'
import type { Clock } from '../clock'
import type { OrganisationStorage } from '../storage/organisation-storage'
import type { RunRecord } from './run-store'

/** What a run needs besides its request: the Clock, today in the organisation's zone, and who acts. */
export interface RunContext {
  readonly clock: Clock
  readonly today: CalendarDate
  readonly actor: string
}

/** An applied run with its summary typed by its kind. */
export interface TypedRun<Summary> extends Omit<RunRecord, 'summary'> {
  readonly summary: Summary
}

/** Which runs' use of a posting blocks deleting it (posting_uses). */
export type PostingUsageKind = 'invoice' | 'direct-debit' | 'dunning'

/**
 * One kind of run in the adapter. Only planning and the booking steps differ per kind; locking, idempotency,
 * re-planning, usage records, progress and reversal bookkeeping belong to `applyRun` / `reverseRun`.
 */
export interface RunKind<Kind extends string, Request, Plan, Summary> {
  readonly kind: Kind
  /** "Charge run", for messages. */
  readonly label: string
  /** What a repeated idempotency key must come with (the date, the criteria); compared canonically. */
  parameters(request: Request): unknown
  /** Plans from what `storage` sees now: the staff's preview, and again under the lock when applying. */
  plan(storage: OrganisationStorage, request: Request, context: RunContext): Promise<Plan>
  /** The plan in the common run shape (key, date, summary, how it is reversed). */
  runPlan(plan: Plan): RunPlan<Kind, Summary>
  /** Why a plan whose key changed since the preview is refused, for staff. */
  changedMessage(request: Request): string
  /**
   * Books the plan inside the run's transaction (the run row exists). Returns the postings the run used, which
   * `applyRun` records as `usage` (an invoiced debit cannot be deleted); report progress as it goes.
   */
  apply(
    tx: OrganisationStorage,
    plan: Plan,
    run: RunRecord,
    report: (done: number, total: number) => void,
    context: RunContext,
  ): Promise<{ usedPostingIds?: readonly string[] } | void>
  /** Which usage the postings returned by `apply` record. */
  readonly usage?: PostingUsageKind
  /** Takes an applied run back inside its transaction (kinds whose plans say `undo` or `cancel`). */
  reverse?(tx: OrganisationStorage, run: TypedRun<Summary>, context: RunContext): Promise<void>
}

/** Declares a run kind, keeping its types for inference. */
export function defineRunKind<const Kind extends string, Request, Plan, Summary>(
  kind: RunKind<Kind, Request, Plan, Summary>,
): RunKind<Kind, Request, Plan, Summary> {
  return kind
}

/** The run with its summary read in the kind's shape (the summary was written by the same kind). */
export function typedRun<Summary>(run: RunRecord): TypedRun<Summary> {
  return run as TypedRun<Summary>
}

/** The summary type a run kind declares. */
export type SummaryOf<K> = K extends { runPlan(plan: never): { readonly summary: infer S } } ? S : unknown
