import * as z from 'zod'
import { compareDates, isCalendarDate, makeDate, dateParts, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Cents } from '../money/cents'
import type { ClubSettings } from '../settings/club-settings'
import type { DunningLevelChain } from './dunning-level-chain'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import { runPlan, type RunPlan } from '../runs/run-plan'

/** An exclusion run (Ausschlusslauf, handbook §6.12): its date, and for applying, the members chosen from the preview. */
export const ExclusionRunRequest = z.strictObject({
  runDate: CalendarDateSchema,
  /** The proposals marked X (Auswahl); absent in the preview. "Select all" sends every proposal, "none" an empty list. */
  selected: z.array(z.string().min(1).max(100)).max(100_000).optional(),
})
export type ExclusionRunRequest = z.infer<typeof ExclusionRunRequest>

/** A membership as the exclusion run sees it. */
export interface ExclusionCandidate {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly name: string
  readonly level: number | null
  readonly endsOn: CalendarDate | null
  readonly processingBlocked: boolean
  /** Open debt (docs/decisions/0000#d2) as of the run date. */
  readonly openDebt: Cents
}

/** The preview (or the applied selection) of an exclusion run. */
export interface ExclusionRunPlan {
  readonly runDate: CalendarDate
  /** ASL_Datum completed with the run date's year: the end date every excluded membership gets. */
  readonly endsOn: CalendarDate
  readonly reason: string
  readonly marker: string | null
  readonly proposals: readonly { membershipId: string; membershipNumber: number; name: string; level: number; openDebt: Cents }[]
  /** The proposals to exclude: all of them in the preview, the chosen ones when applying. */
  readonly selected: readonly string[]
}

/**
 * `ASL_Datum` (`DD.MM.`) completed with the year of `runDate` (handbook §6.12: "completed with the current year").
 * Refuses text that is not a day of that year.
 */
export function exclusionEndDate(text: string, runDate: CalendarDate): CalendarDate {
  const match = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(text.trim())
  const { year } = dateParts(runDate)
  const date = match ? `${year}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : ''
  if (!isCalendarDate(date)) {
    throw new VereinskitError('EXCLUSION_SETTINGS_MISSING', `ASL_Datum "${text}" is not a day and month (TT.MM.) of ${year}.`)
  }
  return makeDate(year, Number(match![2]), Number(match![1]))
}

/**
 * Plans an exclusion run (handbook §6.12 Ausschlüsse): active memberships at the club's level `ASL_Mahnstufe` or
 * beyond it on the level chain, whose open debt is at least `ASL_Saldo` (docs/decisions/0000#d1), not under a
 * processing block. The run date may be today but not in the past, and the end date it gives may not lie before it.
 * @see docs/decisions/0016-exclusion-and-collection-runs.md
 */
export function planExclusionRun(
  request: ExclusionRunRequest,
  candidates: readonly ExclusionCandidate[],
  settings: Pick<ClubSettings, 'exclusionLevel' | 'exclusionMinimumDebt' | 'exclusionEndDate' | 'exclusionReason' | 'exclusionMarker'>,
  chain: DunningLevelChain,
  today: CalendarDate,
): ExclusionRunPlan {
  const {
    exclusionLevel: level,
    exclusionMinimumDebt: minimumDebt,
    exclusionEndDate: endDate,
    exclusionReason: reason,
    exclusionMarker: marker,
  } = settings
  if (level === null || endDate === null || reason === null) {
    throw new VereinskitError(
      'EXCLUSION_SETTINGS_MISSING',
      'Set the exclusion level, end date (TT.MM.) and termination reason in the club settings first.',
    )
  }
  if (compareDates(request.runDate, today) < 0) {
    throw new VereinskitError('EXCLUSION_DATE_PAST', `The exclusion run is dated ${request.runDate}, before today (${today}).`)
  }
  const endsOn = exclusionEndDate(endDate, request.runDate)
  if (compareDates(endsOn, request.runDate) < 0) {
    throw new VereinskitError('EXCLUSION_DATE_PAST', `ASL_Datum ${endDate} gives ${endsOn}, before the run date ${request.runDate}.`)
  }
  const from = chain.position(level)
  if (from < 0) throw new VereinskitError('EXCLUSION_SETTINGS_MISSING', `The exclusion level ${level} is not a valid dunning level.`)
  const proposals = candidates
    .filter((c) => {
      if (c.level === null || chain.position(c.level) < from || c.processingBlocked) return false
      if (c.endsOn !== null && compareDates(c.endsOn, endsOn) <= 0) return false // already leaving by then
      return c.openDebt >= minimumDebt
    })
    .sort((a, b) => a.membershipNumber - b.membershipNumber)
    .map((c) => ({
      membershipId: c.membershipId,
      membershipNumber: c.membershipNumber,
      name: c.name,
      level: c.level!,
      openDebt: c.openDebt,
    }))
  const proposed = new Set(proposals.map((p) => p.membershipId))
  const selected = request.selected ?? [...proposed]
  const stray = selected.filter((id) => !proposed.has(id))
  if (stray.length > 0) {
    throw new VereinskitError('RUN_PLAN_CHANGED', `Not proposed for exclusion (any more): ${stray.slice(0, 5).join(', ')}; preview again.`)
  }
  return { runDate: request.runDate, endsOn, reason, marker, proposals, selected: [...new Set(selected)].sort() }
}

/** What an applied exclusion run reports. */
export interface ExclusionRunSummary {
  readonly endsOn: CalendarDate
  readonly excluded: number
}

/** An exclusion run in the common run shape: not reversible as a run (a membership's end is changed on the membership). */
export function exclusionRunPlanOf(plan: ExclusionRunPlan): RunPlan<'exclusion', ExclusionRunSummary> {
  return runPlan({
    kind: 'exclusion',
    idempotencyKey: idempotencyKeyOf('exclusion', {
      runDate: plan.runDate,
      endsOn: plan.endsOn,
      reason: plan.reason,
      marker: plan.marker,
      selected: plan.selected,
    }),
    asOf: plan.runDate,
    summary: { endsOn: plan.endsOn, excluded: plan.selected.length },
    reversal: 'none',
  })
}
