import * as z from 'zod'
import { addDays, daysBetween, isoWeekday, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { WallTimeSchema, minutesOf } from './zoned-time'

/**
 * One time block of a template day (Zeitblock): from–to in wall time, the consultation type (Art), the location
 * (Ort; the consultant's default when null), the slot length (the consultant's default duration when null) and
 * the two flags of handbook §9.3: may be planned into free slots, and online bookable.
 */
export const TemplateTimeBlock = z
  .strictObject({
    from: WallTimeSchema,
    to: WallTimeSchema,
    typeId: z.uuid().nullable().default(null),
    locationId: z.uuid().nullable().default(null),
    durationMinutes: z.number().int().min(5).max(480).nullable().default(null),
    /** darf in freie Termine verplant werden. */
    plannable: z.boolean().default(true),
    /** Online buchbar. */
    onlineBookable: z.boolean().default(false),
  })
  .refine((b) => minutesOf(b.from) < minutesOf(b.to), { message: 'A block ends after it starts.', path: ['to'] })
export type TemplateTimeBlock = z.output<typeof TemplateTimeBlock>

/** The 14-day pattern: days 0–6 are Monday–Sunday of week A, 7–13 those of week B; each day holds 0–n blocks. */
export const TemplatePattern = z
  .array(z.array(TemplateTimeBlock).max(24))
  .length(14, 'A template has 14 days: Monday to Sunday of week A, then of week B.')
  .superRefine((days, ctx) => {
    days.forEach((blocks, day) => {
      const sorted = [...blocks].sort((a, b) => minutesOf(a.from) - minutesOf(b.from))
      for (let i = 1; i < sorted.length; i++) {
        if (minutesOf(sorted[i]!.from) < minutesOf(sorted[i - 1]!.to)) {
          ctx.addIssue({ code: 'custom', message: 'Blocks of one day must not overlap.', path: [day] })
          return
        }
      }
    })
  })
export type TemplatePattern = z.output<typeof TemplatePattern>
/** A pattern as an API caller writes it: flags and overrides may be left out. */
export type TemplatePatternInput = z.input<typeof TemplatePattern>

/**
 * A calendar template (Vorlage, handbook §9.3): a consultant's 14-day pattern, active or not, and whether it is
 * the consultant's default (Standard; one per consultant). Week A is the week of `anchorMonday`, then weeks
 * alternate (docs/decisions/0000#d23).
 */
export const CalendarTemplateInput = z.strictObject({
  consultantId: z.uuid(),
  name: z.string().trim().min(1).max(120),
  active: z.boolean().default(true),
  isDefault: z.boolean().default(false),
  anchorMonday: CalendarDateSchema.refine((d) => isoWeekday(d) === 1, 'The anchor of week A is a Monday.'),
  pattern: TemplatePattern,
})
export type CalendarTemplateInput = z.input<typeof CalendarTemplateInput>
export type CalendarTemplate = z.output<typeof CalendarTemplateInput> & { readonly id: string }

/** An empty pattern: 14 days without blocks. */
export function emptyPattern(): TemplatePattern {
  return Array.from({ length: 14 }, () => [])
}

/**
 * The pattern day a date takes: its weekday in week A or B, counted in whole weeks from the anchor Monday —
 * before the anchor too, so week parity never depends on where a generation period starts.
 * @see docs/decisions/0000#d23
 */
export function patternDayOf(anchorMonday: CalendarDate, date: CalendarDate): number {
  const weeks = Math.floor(daysBetween(anchorMonday, date) / 7)
  const week = ((weeks % 2) + 2) % 2
  return week * 7 + (isoWeekday(date) - 1)
}

/** Whether a date is in week A (true) or week B of a template. */
export function isWeekA(anchorMonday: CalendarDate, date: CalendarDate): boolean {
  return patternDayOf(anchorMonday, date) < 7
}

/**
 * The copy "duplizieren" makes (handbook §9.3, since 5.1.5): the same consultant and pattern, named
 * "Kopie von …", inactive and not the default.
 */
export function duplicateTemplate(template: CalendarTemplate): z.output<typeof CalendarTemplateInput> {
  return {
    consultantId: template.consultantId,
    name: `Kopie von ${template.name}`.slice(0, 120),
    active: false,
    isDefault: false,
    anchorMonday: template.anchorMonday,
    pattern: template.pattern.map((day) => day.map((block) => ({ ...block }))),
  }
}

/** The Monday on or before a date (the natural anchor for a template made today). */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date))
}
