/**
 * @module @vereinskit/core: what every domain shares — money in cents, calendar dates, errors. The domains have
 * entry points of their own: `@vereinskit/core/sepa`, `/applications`, `/members`, `/fees`, `/ledger`,
 * `/invoicing`, `/runs`, `/settings`, and the HTTP contract at `/contract`. No I/O; "today" is always an argument.
 *
 * @example
 * splitCents(parseCents('100,00'), [1, 1, 1]) // [3334, 3333, 3333]
 * addMonths('2024-01-31', 1)                   // '2024-02-29'
 */
export { parseCents, formatCentsDecimal, sumCents, toCents, isCents, InvalidAmountError } from './money/cents'
export type { Cents } from './money/cents'
export { splitCents, splitCentsEvenly } from './money/allocate'
export { formatGermanAmount } from './money/german-amount'
export {
  isCalendarDate,
  parseCalendarDate,
  isLeapYear,
  daysInMonth,
  dateParts,
  makeDate,
  toEpochDay,
  fromEpochDay,
  compareDates,
  daysBetween,
  addDays,
  addMonths,
  isoWeekday,
  endOfMonth,
  InvalidCalendarDateError,
} from './calendar/calendar-date'
export type { CalendarDate } from './calendar/calendar-date'
export { calendarDateAt } from './calendar/time-zone'
export { formatGermanDate } from './calendar/german-date'
export { easterSunday, target2Holidays, isBusinessDay, addBusinessDays } from './calendar/target2'
export { errorCodes, isErrorCode } from './errors/codes'
export type { ErrorCode } from './errors/codes'
export { VereinskitError, ValidationError } from './errors/vereinskit-error'
export type { FieldIssue } from './errors/vereinskit-error'
export { isVereinskitError } from './errors/is-vereinskit-error'
export { fieldIssuesFromZod } from './errors/from-zod'
export { AmountSchema, maxAmountCents, maxBalanceCents } from './money/amount-schema'
export { CalendarDateSchema } from './calendar/calendar-date-schema'
