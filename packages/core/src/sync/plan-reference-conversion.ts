import { idempotencyKeyOf } from '../runs/idempotency-key'
import { runPlan, type RunPlan } from '../runs/run-plan'
import type { CalendarDate } from '../calendar/calendar-date'
import { classifyConversion, conversionWarning, type ConversionCase, type ExternalPerson, type LocalCopy } from './reference-conversion'

/** One line of the conversion report (Umstellungsprotokoll): the case and, for a mismatch, the warning. */
export type ConversionReportLine = ConversionCase & { readonly warning: string | null }

/** What a conversion run does and reports. */
export interface ReferenceConversionSummary {
  readonly converted: number
  readonly convertedWithWarning: number
  readonly madeLocal: number
  readonly merged: number
  readonly lines: readonly ConversionReportLine[]
}

/**
 * Plans the conversion of local copies into references (REF-07–REF-14): every copy is classified against the
 * external record the connector loaded for it (missing: deleted externally); a copy whose external record already
 * has a reference here is merged into it. The key names the cases, so a changed external record between preview
 * and apply makes a new plan.
 */
export function planReferenceConversion(input: {
  readonly copies: readonly LocalCopy[]
  readonly external: ReadonlyMap<string, ExternalPerson>
  /** External id → the person that already is a reference to it. */
  readonly references: ReadonlyMap<string, string>
  readonly asOf: CalendarDate
}): RunPlan<'reference-conversion', ReferenceConversionSummary> {
  // Two copies of one customer: the first becomes the reference, the second merges into it.
  const references = new Map(input.references)
  const lines: ConversionReportLine[] = [...input.copies]
    .sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : a.personId < b.personId ? -1 : 1))
    .map((copy) => {
      const found = classifyConversion(copy, input.external.get(copy.externalId), references.get(copy.externalId))
      if (found.outcome === 'convert' || found.outcome === 'convert-with-warning') references.set(copy.externalId, copy.personId)
      return { ...found, warning: found.outcome === 'convert-with-warning' ? conversionWarning(copy, found.differs) : null }
    })
  const count = (outcome: ConversionCase['outcome']) => lines.filter((l) => l.outcome === outcome).length
  const summary = {
    converted: count('convert'),
    convertedWithWarning: count('convert-with-warning'),
    madeLocal: count('make-local'),
    merged: count('merge-into-reference'),
    lines,
  }
  return runPlan({
    kind: 'reference-conversion',
    idempotencyKey: idempotencyKeyOf('reference-conversion', {
      asOf: input.asOf,
      lines: lines.map((l) => [l.personId, l.outcome, l.externalId]),
    }),
    asOf: input.asOf,
    summary,
    reversal: 'none',
  })
}
