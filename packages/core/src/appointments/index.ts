/**
 * @module @vereinskit/core/appointments: consultant calendars and appointment booking (Termine/Beratungen):
 * catalogues, 14-day templates, block generation across daylight-saving changes, free slots, online visibility
 * and booking limits, and the .ics file of an appointment.
 */
export { WallTimeSchema, TimeZoneSchema, instantAt, localDateTimeOf, minutesOf, wallTimeOf, isTimeZone } from './zoned-time'
export type { WallTime } from './zoned-time'
export {
  ConsultantInput,
  LocationInput,
  ConsultationTypeInput,
  ConsultationTopicInput,
  ConfirmationTemplate,
  advisesOn,
} from './appointment-catalogues'
export type { Consultant, ConsultationLocation, ConsultationType, ConsultationTopic } from './appointment-catalogues'
export {
  TemplateTimeBlock,
  TemplatePattern,
  CalendarTemplateInput,
  emptyPattern,
  patternDayOf,
  isWeekA,
  duplicateTemplate,
  mondayOf,
} from './calendar-template'
export type { CalendarTemplate, TemplatePatternInput } from './calendar-template'
export { overlaps } from './appointment-block'
export type { AppointmentBlock, StoredBlock, BookedTime } from './appointment-block'
export { generateBlocksForPeriod, generateBlocksForDay, requireDefaultDurations, maxGenerationDays } from './generate-blocks'
export type { BlockGeneration, DayBlockSpec, TimeZoneOf } from './generate-blocks'
export { freeSlots, slotsOf } from './free-slots'
export type { FreeSlot, SlotFilter } from './free-slots'
export { onlineSlots, isOnlineBookable, onlineConsultantsFor, OnlineConsultantScope } from './online-visibility'
export type { OnlineBookingSettings, OnlineViewer, OnlineSlotContext } from './online-visibility'
export {
  AppointmentNote,
  AppointmentTitle,
  AppointmentKind,
  AppointmentChanges,
  checkOnlineBookingLimit,
  checkOnlineCancellation,
  cancellationDeadline,
  canSendConfirmation,
} from './booking-rules'
export type { OnlineLimits } from './booking-rules'
export { checkOnlineMember } from './online-member'
export type { OnlineMemberCandidate } from './online-member'
export { checkBlockDeletion } from './block-conflicts'
export type { BlockDeletionCheck } from './block-conflicts'
export { appointmentIcs, escapeIcsText, foldIcsLine } from './appointment-ics'
export type { IcsEvent } from './appointment-ics'
export { appointmentErrors } from './appointment-errors'
export {
  fillAppointmentText,
  renderAppointmentMail,
  appointmentPlaceholders,
  defaultReminder,
  defaultCancellationNotice,
} from './appointment-text'
export type { AppointmentTextData } from './appointment-text'
