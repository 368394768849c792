import { addDays, compareDates, daysBetween, type CalendarDate } from '../calendar/calendar-date'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Consultant } from './appointment-catalogues'
import { overlaps, type AppointmentBlock } from './appointment-block'
import { patternDayOf, type CalendarTemplate } from './calendar-template'
import { instantAt, minutesOf, type WallTime } from './zoned-time'

/** The longest period one generation covers. */
export const maxGenerationDays = 366

/** The time zone of a location (null: the organisation's). */
export type TimeZoneOf = (locationId: string | null) => string

/** The control overview (Kontrollübersicht): the blocks to create, and those left out because one exists there. */
export interface BlockGeneration {
  readonly blocks: readonly AppointmentBlock[]
  /** Overlapping a block the consultant has already: not created again, so generating twice changes nothing. */
  readonly skipped: readonly AppointmentBlock[]
}

/** Refuses consultants without a default duration (handbook §9.3: "Mindestens einer der ausgewählten Mitarbeiter hat keine Standard-Dauer eingetragen!"). */
export function requireDefaultDurations(consultants: readonly Consultant[]): void {
  const missing = consultants.filter((c) => c.defaultDurationMinutes === null)
  if (missing.length > 0) {
    throw new VereinskitError(
      'CONSULTANT_WITHOUT_DURATION',
      `At least one of the selected consultants has no default duration: ${missing.map((c) => c.name).join(', ')}. Set it on the consultant first.`,
    )
  }
}

function block(
  consultant: Consultant,
  date: CalendarDate,
  spec: {
    from: WallTime
    to: WallTime
    typeId: string | null
    locationId: string | null
    durationMinutes: number | null
    plannable: boolean
    onlineBookable: boolean
  },
  timeZoneOf: TimeZoneOf,
  templateId: string | null,
): AppointmentBlock {
  const locationId = spec.locationId ?? consultant.defaultLocationId
  const timeZone = timeZoneOf(locationId)
  return {
    consultantId: consultant.id,
    date,
    from: spec.from,
    to: spec.to,
    startsAt: instantAt(date, spec.from, timeZone),
    endsAt: instantAt(date, spec.to, timeZone),
    typeId: spec.typeId,
    locationId,
    timeZone,
    slotMinutes: spec.durationMinutes ?? consultant.defaultDurationMinutes!,
    plannable: spec.plannable,
    onlineBookable: spec.onlineBookable,
    templateId,
  }
}

function withoutExisting(candidates: AppointmentBlock[], existing: readonly AppointmentBlock[]): BlockGeneration {
  const blocks: AppointmentBlock[] = []
  const skipped: AppointmentBlock[] = []
  for (const candidate of candidates) {
    const clash = existing.some((e) => e.consultantId === candidate.consultantId && overlaps(e, candidate))
    ;(clash ? skipped : blocks).push(candidate)
  }
  return { blocks, skipped }
}

function checkPeriod(from: CalendarDate, to: CalendarDate): void {
  if (compareDates(from, to) > 0) throw new VereinskitError('INVALID_RANGE', 'The period starts after it ends.')
  if (daysBetween(from, to) >= maxGenerationDays) {
    throw new VereinskitError('INVALID_RANGE', `One generation covers at most ${maxGenerationDays} days.`)
  }
}

/**
 * Blocks of one consultant for a period from one of their templates (Beraterkalender vorbereiten, Zeitraum):
 * each date takes its pattern day (week A or B from the template's anchor Monday, weekday), each block of that
 * day becomes a block in its location's time zone. Blocks that overlap ones the consultant already has are
 * reported, not created. Pure: `existing` comes from the caller.
 */
export function generateBlocksForPeriod(input: {
  readonly consultant: Consultant
  readonly template: CalendarTemplate
  readonly from: CalendarDate
  readonly to: CalendarDate
  readonly timeZoneOf: TimeZoneOf
  readonly existing: readonly AppointmentBlock[]
}): BlockGeneration {
  const { consultant, template } = input
  if (template.consultantId !== consultant.id) {
    throw new VereinskitError('CALENDAR_TEMPLATE_NOT_FOUND', `The template "${template.name}" belongs to another consultant.`)
  }
  checkPeriod(input.from, input.to)
  requireDefaultDurations([consultant])
  const candidates: AppointmentBlock[] = []
  for (let date = input.from; compareDates(date, input.to) <= 0; date = addDays(date, 1)) {
    const day = template.pattern[patternDayOf(template.anchorMonday, date)] ?? []
    for (const spec of [...day].sort((a, b) => minutesOf(a.from) - minutesOf(b.from))) {
      candidates.push(block(consultant, date, spec, input.timeZoneOf, template.id))
    }
  }
  return withoutExisting(candidates, input.existing)
}

/** What single-day generation (Einzeltage) takes: one date and time range for one or more consultants. */
export interface DayBlockSpec {
  readonly date: CalendarDate
  readonly from: WallTime
  readonly to: WallTime
  readonly typeId: string | null
  /** The consultant's default location when null. */
  readonly locationId: string | null
  /** The consultant's default duration when null. */
  readonly durationMinutes: number | null
  readonly plannable: boolean
  readonly onlineBookable: boolean
}

/** One block per consultant for a single day (Einfügen); the same rules as period generation. */
export function generateBlocksForDay(input: {
  readonly consultants: readonly Consultant[]
  readonly spec: DayBlockSpec
  readonly timeZoneOf: TimeZoneOf
  readonly existing: readonly AppointmentBlock[]
}): BlockGeneration {
  if (minutesOf(input.spec.from) >= minutesOf(input.spec.to)) throw new VereinskitError('INVALID_RANGE', 'The block ends before it starts.')
  requireDefaultDurations(input.consultants)
  const candidates = input.consultants.map((c) => block(c, input.spec.date, input.spec, input.timeZoneOf, null))
  return withoutExisting(candidates, input.existing)
}
