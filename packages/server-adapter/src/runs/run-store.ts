import type { CalendarDate } from '@vereinskit/core'

/** A run as stored. */
export interface RunRecord {
  readonly id: string
  /** The run kind's name (`charge`, `invoice`, `write-off`, …), as its run-kind definition declares it. */
  readonly kind: string
  readonly idempotencyKey: string
  readonly asOf: CalendarDate
  /** The request the run was applied with (its date, criteria); compared when the key comes again. */
  readonly parameters: unknown
  /** What the run did, in the shape its kind declares (typed by the run kind that reads it). */
  readonly summary: unknown
  readonly createdAt: string
  /** Who applied it: `api-key:<id>` for staff, a job's name. */
  readonly createdBy: string
  readonly reversedAt: string | null
  readonly reversedBy: string | null
}

/** Runs of every kind, scoped by organisation; idempotency keys are scoped by organisation and kind. */
export interface RunStore {
  create(input: Pick<RunRecord, 'kind' | 'idempotencyKey' | 'asOf' | 'summary' | 'parameters'> & { createdBy?: string }): Promise<RunRecord>
  /** Idempotency keys are scoped by organisation and kind: an invoice-run key never finds a charge run. */
  findByKey(kind: string, idempotencyKey: string): Promise<RunRecord | undefined>
  get(id: string, kind: string, options?: { forUpdate?: boolean }): Promise<RunRecord | undefined>
  list(kind: string): Promise<RunRecord[]>
  markReversed(id: string, reversedAt: Date, reversedBy?: string): Promise<RunRecord>
}
