import * as z from 'zod'
import { BicSchema, IbanSchema } from '../sepa/sepa-schemas'
import { NoticePeriod } from '../members/notice-period'
import { OnlineConsultantScope } from '../appointments/online-visibility'

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}

/**
 * Club settings (Systemparameter) used by the money chain, with the handbook's defaults. Thresholds are positive
 * cents of open debt (docs/decisions/0000#d1).
 */
export const ClubSettings = z.object({
  /** gRechnungsMin: an invoice payer gets an invoice when open debt is at least this (docs/decisions/0000#d1); default 0,01 €. */
  invoiceMinimumDebt: z.number().int().min(1).default(1),
  /** Invoice runs cover active memberships only (handbook §6.2 Rechnungen). */
  invoiceActiveMembershipsOnly: z.boolean().default(true),
  /** Invoices cover all open items, or only items not on an earlier invoice (handbook §6.2 Rechnungen). */
  invoiceItems: z.enum(['all-open', 'not-yet-invoiced']).default('all-open'),
  /** Days from the invoice date to its due date. */
  invoicePaymentTermDays: z.number().int().min(0).max(365).default(14),
  /** The payment method the online application form preselects (handbook version notes 5.4.1); the applicant may change it. */
  applicationPaymentMethod: z.enum(['direct-debit', 'invoice']).default('direct-debit'),
  /** ASL_Mahnstufe: the exclusion run considers members at this dunning level or beyond it on the chain (handbook §6.12). */
  exclusionLevel: z.number().int().min(1).max(99).nullable().default(null),
  /** ASL_Saldo: the exclusion run proposes members from this open debt on, in cents (docs/decisions/0000#d1). */
  exclusionMinimumDebt: z.number().int().min(1).max(1_000_000_000).default(1),
  /** ASL_Datum: `TT.MM.`, completed with the run's year as the excluded memberships' end date. */
  exclusionEndDate: z
    .string()
    .regex(/^\d{1,2}\.\d{1,2}\.$/, 'Use day and month as TT.MM.')
    .nullable()
    .default(null),
  /** ASL_IDKündigungsgrund: the termination reason set on excluded memberships. */
  exclusionReason: z.string().trim().min(1).max(100).nullable().default(null),
  /** ASL_IDKnzMitgliedschaft: the membership marker set on them. */
  exclusionMarker: z.string().trim().min(1).max(60).nullable().default(null),
  /** The club's own account collections are paid into (Gläubiger-IBAN); needed for direct debits and bank imports. */
  creditorIban: IbanSchema.nullable().default(null),
  /** The BIC of that account; optional inside SEPA. */
  creditorBic: BicSchema.nullable().default(null),
  /** LastschriftMin: a direct-debit payer is collected when open debt exceeds this, in cents (docs/decisions/0000#d1, #d14). */
  directDebitMinimumDebt: z.number().int().min(0).max(1_000_000_000).default(0),
  /**
   * Lead days per sequence type in TARGET2 business days before the collection date; D-1 is the minimum since
   * November 2016 (docs/decisions/0000#d15). Add your bank's cut-off: many ask for one day more.
   */
  directDebitLeadDays: z
    .strictObject({
      FRST: z.number().int().min(1).max(30).default(1),
      RCUR: z.number().int().min(1).max(30).default(1),
      FNAL: z.number().int().min(1).max(30).default(1),
      OOFF: z.number().int().min(1).max(30).default(1),
    })
    .default({ FRST: 1, RCUR: 1, FNAL: 1, OOFF: 1 }),
  /** Send a mandate's first collection as FRST (optional since 2016; off sends it as RCUR). */
  directDebitUseFirstSequence: z.boolean().default(true),
  /** LSBuchText: the booking text of the direct-debit credit in member accounts; also starts the remittance text. */
  directDebitText: z.string().trim().min(1).max(100).default('Lastschrift'),
  /** gKontoBank: the cash account direct debits and their returns are booked to. */
  directDebitAccountId: z.string().min(1).nullable().default(null),
  /** Calendar days a pre-notification must reach the payer before the collection date (EPC default 14). */
  preNotificationDays: z.number().int().min(1).max(60).default(14),
  /** SepaMailAdresse: sender of pre-notification e-mails; null uses the server's sender. */
  preNotificationMailFrom: z.email().nullable().default(null),
  /** SepaMailBetreff. */
  preNotificationMailSubject: z.string().trim().min(1).max(200).default('Ankündigung einer SEPA-Lastschrift'),
  /** SepaMailBody: the e-mail text; the pre-notification itself is attached as a PDF. */
  preNotificationMailBody: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .default('Guten Tag,\n\nim Anhang finden Sie die Ankündigung unserer nächsten SEPA-Lastschrift.\n\nMit freundlichen Grüßen'),
  /** GSKonto: the cash account credit transfers from bank imports are booked to. */
  creditTransferAccountId: z.string().min(1).nullable().default(null),
  /** GSBuchText: the booking text of imported credit transfers. */
  creditTransferText: z.string().trim().min(1).max(100).default('Überweisung'),
  /** GSRegExp: finds membership numbers in a credit's remittance text (docs/decisions/0000#d16). */
  creditMatchPattern: z.string().min(1).max(200).refine(isRegExp, 'Not a valid regular expression.').nullable().default(null),
  /** GSRegExpMNr: optional second pattern applied inside each match of GSRegExp. */
  creditMatchNumberPattern: z.string().min(1).max(200).refine(isRegExp, 'Not a valid regular expression.').nullable().default(null),
  /** The receivable account return charges the bank reports are booked to; null leaves them out of member accounts. */
  returnChargesAccountId: z.string().min(1).nullable().default(null),
  /** SucheWildcards: `%` and `_` are wildcards in the standard search's name, street and city fields (docs/decisions/0000#d19). */
  searchWildcards: z.boolean().default(true),
  /** Kündigungsfrist of the statute: months of notice and when a termination takes effect (docs/decisions/0000#d22). */
  noticePeriod: NoticePeriod.default({ months: 3, effectiveAt: 'year-end' }),
  /** Scores (0–100) from which a person counts as a possible duplicate (docs/decisions/0020). */
  duplicateThresholds: z
    .strictObject({ interactive: z.number().int().min(1).max(100), automatic: z.number().int().min(1).max(100) })
    .default({ interactive: 40, automatic: 60 }),
  /** gKontoBar: the cash account an immediate payment at member capture is booked to (handbook §11.3 rule 38). */
  cashAccountId: z.string().min(1).nullable().default(null),
  /** OnlineTermineBerater: whose blocks members see online (docs/decisions/0022); `all` is the handbook's value 3. */
  onlineConsultants: OnlineConsultantScope.default('all'),
  /** OnlineTermineVoraus: how many days ahead members may book online. */
  onlineDaysAhead: z.number().int().min(0).max(730).default(28),
  /** OnlineFreieTermine: how many free slots the online search lists at most, the earliest first. */
  onlineMaxSlots: z.number().int().min(1).max(1000).default(60),
  /** The shortest notice for an online booking, in hours. */
  onlineBookingLeadHours: z.number().int().min(0).max(720).default(2),
  /** OnlineTerminMaximum: open appointments a member may hold when booking online (handbook default 1). */
  onlineMaxOpenBookings: z.number().int().min(1).max(50).default(1),
  /** OnlineTerminAbsVorlauf: hours before the start until which a member may cancel online. */
  onlineCancellationHours: z.number().int().min(0).max(720).default(24),
  /** Hours before an appointment its reminder e-mail goes out (Erinnerung zum Beratungstermin); null sends none. */
  appointmentReminderHours: z.number().int().min(1).max(336).nullable().default(24),
  /**
   * The club's page that embeds the booking component: confirmation and reminder e-mails link to it with
   * `?vk-appointment=<id>&vk-token=<token>` so members can cancel; null leaves the link out.
   */
  appointmentPageUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  /** TerminMailAdresse: sender of missed-appointment e-mails; null uses the server's sender. */
  missedAppointmentMailFrom: z.email().nullable().default(null),
  /** TerminMailBetreff. */
  missedAppointmentMailSubject: z.string().trim().min(1).max(200).default('Ihr versäumter Beratungstermin'),
  /** TerminMailBody: the e-mail text; the letter itself is attached as a PDF. */
  missedAppointmentMailBody: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .default('Guten Tag,\n\nSie haben Ihren Beratungstermin nicht wahrgenommen. Näheres im Anhang.\n\nMit freundlichen Grüßen'),
})
export type ClubSettings = z.infer<typeof ClubSettings>

/** The defaults, as a new club starts. */
export const defaultClubSettings: ClubSettings = ClubSettings.parse({})
