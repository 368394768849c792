import * as z from 'zod'
import { addDays, compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Cents } from '../money/cents'
import type { PostalAddress } from '../applications/online-application'
import type { PaymentMethod } from '../ledger/balance-list'
import type { OpenItem } from '../ledger/open-items'
import { runPlan, type RunPlan } from '../runs/run-plan'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import type { ClubSettings } from '../settings/club-settings'

/** The request for an invoice run (Rechnungslauf, handbook §6.2). */
export const InvoiceRunRequest = z.object({
  invoiceDate: CalendarDateSchema,
  numberFrom: z.number().int().optional(),
  numberTo: z.number().int().optional(),
  postcodeFrom: z.string().trim().min(1).max(10).optional(),
  postcodeTo: z.string().trim().min(1).max(10).optional(),
})
export type InvoiceRunRequest = z.infer<typeof InvoiceRunRequest>

/** A membership as the invoice run sees it. */
export interface InvoiceCandidate {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly paymentMethod: PaymentMethod
  readonly active: boolean
  readonly processingBlocked: boolean
  readonly addressInvalid: boolean
  readonly name: string
  readonly postalAddress: PostalAddress
  readonly billingAddress: PostalAddress | null
  /** Open items due on or before the invoice date. */
  readonly openItems: readonly OpenItem[]
  /** Debits already on an earlier (not cancelled) invoice. */
  readonly invoicedDebitIds: ReadonlySet<string>
  /** Credit not yet allocated (reduces the open debt, rule D2 (docs/decisions/0000)). */
  readonly unallocatedCredit: Cents
}

/** One invoice of the run, with what its letter needs. */
export interface PlannedInvoice {
  readonly membershipId: string
  readonly membershipNumber: number
  /** Gapless per organisation, assigned in membership-number order. */
  readonly number: number
  readonly recipient: { readonly name: string; readonly address: PostalAddress }
  readonly items: readonly { debitId: string; date: CalendarDate; text: string; open: Cents }[]
  readonly total: Cents
  readonly dueOn: CalendarDate
}

/** The preview of an invoice run. */
export interface InvoiceRunPlan {
  readonly invoiceDate: CalendarDate
  readonly idempotencyKey: string
  readonly invoices: readonly PlannedInvoice[]
  readonly skipped: readonly { membershipId: string; reason: 'invalid-address' | 'processing-blocked' }[]
  readonly total: Cents
}

/**
 * Plans an invoice run: invoice payers (payment method "invoice") whose open debt is at least the club's minimum
 * (docs/decisions/0000#d1, #d2), optionally within membership-number and postcode ranges, active ones only if the club says so. An
 * invoice covers the membership's whole open amount (handbook §11.8 Konto), or with `not-yet-invoiced` only items not on an
 * earlier invoice. Members with an invalid address get none (handbook §11.3 Person). Numbers continue from `lastInvoiceNumber`.
 */
export function planInvoiceRun(
  request: InvoiceRunRequest,
  candidates: readonly InvoiceCandidate[],
  settings: ClubSettings,
  lastInvoiceNumber: number,
): InvoiceRunPlan {
  if (request.numberFrom !== undefined && request.numberTo !== undefined && request.numberFrom > request.numberTo) {
    throw new VereinskitError(
      'INVALID_RANGE',
      `Membership numbers from ${request.numberFrom} to ${request.numberTo}: put the smaller first.`,
    )
  }
  if (request.postcodeFrom && request.postcodeTo && request.postcodeFrom > request.postcodeTo) {
    throw new VereinskitError('INVALID_RANGE', `Postcodes from ${request.postcodeFrom} to ${request.postcodeTo}: put the smaller first.`)
  }
  const skipped: { membershipId: string; reason: 'invalid-address' | 'processing-blocked' }[] = []
  const invoices: PlannedInvoice[] = []
  let number = lastInvoiceNumber
  const sorted = [...candidates].sort((a, b) => a.membershipNumber - b.membershipNumber)
  for (const c of sorted) {
    if (c.paymentMethod !== 'invoice') continue
    if (settings.invoiceActiveMembershipsOnly && !c.active) continue
    if (request.numberFrom !== undefined && c.membershipNumber < request.numberFrom) continue
    if (request.numberTo !== undefined && c.membershipNumber > request.numberTo) continue
    const address = c.billingAddress ?? c.postalAddress
    if (request.postcodeFrom && address.postcode < request.postcodeFrom) continue
    if (request.postcodeTo && address.postcode > request.postcodeTo) continue
    const due = c.openItems.filter((i) => compareDates(i.date, request.invoiceDate) <= 0)
    const openDebt = due.reduce((sum, i) => sum + i.open, 0) - c.unallocatedCredit
    if (openDebt < settings.invoiceMinimumDebt) continue
    if (c.processingBlocked) {
      skipped.push({ membershipId: c.membershipId, reason: 'processing-blocked' })
      continue
    }
    if (c.addressInvalid) {
      skipped.push({ membershipId: c.membershipId, reason: 'invalid-address' })
      continue
    }
    const items = (settings.invoiceItems === 'not-yet-invoiced' ? due.filter((i) => !c.invoicedDebitIds.has(i.postingId)) : due).map(
      (i) => ({
        debitId: i.postingId,
        date: i.date,
        text: i.text,
        open: i.open,
      }),
    )
    if (items.length === 0) continue
    number += 1
    invoices.push({
      membershipId: c.membershipId,
      membershipNumber: c.membershipNumber,
      number,
      recipient: { name: c.name, address },
      items,
      total: items.reduce((sum, i) => sum + i.open, 0),
      dueOn: addDays(request.invoiceDate, settings.invoicePaymentTermDays),
    })
  }
  const total = invoices.reduce((sum, i) => sum + i.total, 0)
  return {
    invoiceDate: request.invoiceDate,
    idempotencyKey: idempotencyKeyOf('invoice-run', {
      request,
      invoices: invoices.map((i) => [i.membershipId, i.number, i.items.map((x) => [x.debitId, x.open])]),
    }),
    invoices,
    skipped,
    total,
  }
}

/** What an applied invoice run (Rechnungslauf) reports. */
export interface InvoiceRunSummary {
  readonly invoiceCount: number
  readonly total: Cents
}

/** An invoice run in the common run shape: reversed by cancelling its invoices. */
export function invoiceRunPlanOf(plan: InvoiceRunPlan): RunPlan<'invoice', InvoiceRunSummary> {
  return runPlan({
    kind: 'invoice',
    idempotencyKey: plan.idempotencyKey,
    asOf: plan.invoiceDate,
    summary: { invoiceCount: plan.invoices.length, total: plan.total },
    reversal: 'cancel',
  })
}
