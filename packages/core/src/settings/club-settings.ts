import * as z from 'zod'

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
})
export type ClubSettings = z.infer<typeof ClubSettings>

/** The defaults, as a new club starts. */
export const defaultClubSettings: ClubSettings = ClubSettings.parse({})
