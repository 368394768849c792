import { formatGermanDate } from '../calendar/german-date'
import type { CalendarDate } from '../calendar/calendar-date'
import type { ConfirmationTemplate } from './appointment-catalogues'

/** What appointment e-mails are filled with. */
export interface AppointmentTextData {
  readonly clubName: string
  readonly personName: string
  readonly date: CalendarDate
  readonly time: string
  readonly consultant: string
  readonly type: string
  readonly location: string
  /** The member's cancellation link; empty when the club has no booking page. */
  readonly cancelUrl: string
}

/** The placeholders of appointment e-mails (confirmation, reminder). */
export const appointmentPlaceholders = [
  'club.name',
  'person.name',
  'appointment.date',
  'appointment.time',
  'appointment.consultant',
  'appointment.type',
  'appointment.location',
  'appointment.cancelUrl',
] as const

function valueOf(name: string, data: AppointmentTextData): string | undefined {
  switch (name) {
    case 'club.name':
      return data.clubName
    case 'person.name':
      return data.personName
    case 'appointment.date':
      return formatGermanDate(data.date)
    case 'appointment.time':
      return data.time
    case 'appointment.consultant':
      return data.consultant
    case 'appointment.type':
      return data.type
    case 'appointment.location':
      return data.location
    case 'appointment.cancelUrl':
      return data.cancelUrl
    default:
      return undefined
  }
}

/** Fills `{{placeholders}}`; an unknown one stays as written, so a typo shows instead of vanishing. */
export function fillAppointmentText(text: string, data: AppointmentTextData): string {
  return text.replace(/\{\{\s*([a-zA-Z.]+)\s*\}\}/g, (whole, name: string) => valueOf(name, data) ?? whole)
}

/** The reminder e-mail (Erinnerung zum Beratungstermin) every club gets unless it writes its own. */
export const defaultReminder: ConfirmationTemplate = {
  subject: 'Erinnerung: Ihr Beratungstermin am {{appointment.date}} um {{appointment.time}} Uhr',
  text:
    'Guten Tag {{person.name}},\n\nwir erinnern an Ihren Termin ({{appointment.type}}) am {{appointment.date}} um ' +
    '{{appointment.time}} Uhr bei {{appointment.consultant}}, {{appointment.location}}.\n\n' +
    'Falls Sie nicht kommen können, sagen Sie bitte über den Link in Ihrer Terminbestätigung oder telefonisch ab.\n\n' +
    'Mit freundlichen Grüßen\n{{club.name}}',
}

/**
 * The notice that an appointment is cancelled, sent to a member who had a confirmation (with the calendar file that
 * takes the appointment out of their calendar again).
 */
export const defaultCancellationNotice: ConfirmationTemplate = {
  subject: 'Abgesagt: Ihr Beratungstermin am {{appointment.date}} um {{appointment.time}} Uhr',
  text:
    'Guten Tag {{person.name}},\n\nIhr Termin ({{appointment.type}}) am {{appointment.date}} um {{appointment.time}} Uhr ' +
    'bei {{appointment.consultant}} ist abgesagt.\n\nEinen neuen Termin können Sie jederzeit online oder telefonisch vereinbaren.\n\n' +
    'Mit freundlichen Grüßen\n{{club.name}}',
}

/** Fills a template's subject and text. */
export function renderAppointmentMail(template: ConfirmationTemplate, data: AppointmentTextData): ConfirmationTemplate {
  return {
    subject: fillAppointmentText(template.subject, data).replace(/\s+/g, ' ').trim(),
    text: fillAppointmentText(template.text, data),
  }
}
