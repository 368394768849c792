import * as z from 'zod'
import { isCalendarDate } from './calendar-date'

/** A calendar date `YYYY-MM-DD` that exists (Kalenderdatum, no time and no zone). */
export const CalendarDateSchema = z.string().refine(isCalendarDate, {
  params: { reason: 'invalid-date' },
  message: 'Expected an existing date in the form YYYY-MM-DD.',
})
