import { describe, expect, it } from 'vitest'
import { planInvoiceRun, type InvoiceCandidate } from './invoice-run'
import { ClubSettings, defaultClubSettings } from '../settings/club-settings'

const address = { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' }

function candidate(
  n: number,
  paymentMethod: InvoiceCandidate['paymentMethod'],
  balance: number,
  overrides: Partial<InvoiceCandidate> = {},
): InvoiceCandidate {
  const owed = Math.max(0, -balance)
  return {
    membershipId: `M${n}`,
    membershipNumber: 1000 + n,
    paymentMethod,
    active: true,
    processingBlocked: false,
    addressInvalid: false,
    name: `Mitglied ${n}`,
    postalAddress: address,
    billingAddress: null,
    openItems:
      owed > 0
        ? [
            {
              side: 'debit' as const,
              postingId: `d${n}`,
              membershipId: `M${n}`,
              accountId: 'K1',
              date: '2026-01-01',
              text: 'Beitrag',
              amount: owed,
              settled: 0,
              open: owed,
            },
          ]
        : [],
    invoicedDebitIds: new Set(),
    unallocatedCredit: Math.max(0, balance),
    ...overrides,
  }
}

const request = { invoiceDate: '2026-11-23' }

describe('invoice run selection (rule D1 (docs/decisions/0000))', () => {
  it('invoices only invoice payers who owe money', () => {
    const plan = planInvoiceRun(
      request,
      [candidate(1, 'invoice', -2000), candidate(2, 'invoice', 0), candidate(3, 'invoice', 500), candidate(4, 'direct-debit', -5000)],
      defaultClubSettings,
      0,
    )
    expect(plan.invoices.map((i) => [i.membershipId, i.total, i.number])).toEqual([['M1', 2000, 1]])
  })

  it('with a minimum of 10,00 €: 5,00 € is not invoiced, 10,00 € and 15,00 € are (inclusive, rule D1 (docs/decisions/0000))', () => {
    const settings = ClubSettings.parse({ invoiceMinimumDebt: 1000 })
    const plan = planInvoiceRun(
      request,
      [candidate(1, 'invoice', -500), candidate(2, 'invoice', -1000), candidate(3, 'invoice', -1500)],
      settings,
      41,
    )
    expect(plan.invoices.map((i) => [i.membershipId, i.number])).toEqual([
      ['M2', 42],
      ['M3', 43],
    ])
  })

  it('leaves out inactive memberships when the club says so, and includes them otherwise', () => {
    const inactive = candidate(1, 'invoice', -2000, { active: false })
    expect(planInvoiceRun(request, [inactive], defaultClubSettings, 0).invoices).toHaveLength(0)
    expect(planInvoiceRun(request, [inactive], { ...defaultClubSettings, invoiceActiveMembershipsOnly: false }, 0).invoices).toHaveLength(1)
  })

  it('with "only not yet invoiced", items already invoiced are not invoiced again', () => {
    const c = candidate(1, 'invoice', -2000, { invoicedDebitIds: new Set(['d1']) })
    expect(planInvoiceRun(request, [c], { ...defaultClubSettings, invoiceItems: 'not-yet-invoiced' }, 0).invoices).toHaveLength(0)
    expect(planInvoiceRun(request, [c], defaultClubSettings, 0).invoices).toHaveLength(1)
  })

  it('addresses the billing address if set; skips invalid addresses and processing blocks', () => {
    const billing = { street: 'Postfach 12', postcode: '50667', city: 'Köln', country: 'DE' }
    const plan = planInvoiceRun(
      request,
      [
        candidate(1, 'invoice', -2000, { billingAddress: billing }),
        candidate(2, 'invoice', -2000, { addressInvalid: true }),
        candidate(3, 'invoice', -2000, { processingBlocked: true }),
      ],
      defaultClubSettings,
      0,
    )
    expect(plan.invoices.map((i) => i.recipient.address)).toEqual([billing])
    expect(plan.skipped).toEqual([
      { membershipId: 'M2', reason: 'invalid-address' },
      { membershipId: 'M3', reason: 'processing-blocked' },
    ])
    expect(plan.invoices[0]!.dueOn).toBe('2026-12-07')
  })

  it('limits by membership number and postcode range, and refuses reversed ranges', () => {
    const cs = [
      candidate(1, 'invoice', -100),
      candidate(2, 'invoice', -100, { postalAddress: { ...address, postcode: '80331' } }),
      candidate(3, 'invoice', -100),
    ]
    expect(planInvoiceRun({ ...request, numberFrom: 1002 }, cs, defaultClubSettings, 0).invoices.map((i) => i.membershipId)).toEqual([
      'M2',
      'M3',
    ])
    expect(
      planInvoiceRun({ ...request, postcodeFrom: '80000', postcodeTo: '89999' }, cs, defaultClubSettings, 0).invoices.map(
        (i) => i.membershipId,
      ),
    ).toEqual(['M2'])
    expect(() => planInvoiceRun({ ...request, numberFrom: 5, numberTo: 4 }, cs, defaultClubSettings, 0)).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANGE' }),
    )
  })

  it('does not count items due after the invoice date', () => {
    const future = candidate(1, 'invoice', -2000)
    const plan = planInvoiceRun({ invoiceDate: '2025-12-31' }, [future], defaultClubSettings, 0)
    expect(plan.invoices).toHaveLength(0)
  })
})

describe('club settings', () => {
  it('have the documented defaults and refuse nonsense', () => {
    expect(defaultClubSettings).toEqual({
      invoiceMinimumDebt: 1,
      invoiceActiveMembershipsOnly: true,
      invoiceItems: 'all-open',
      invoicePaymentTermDays: 14,
      applicationPaymentMethod: 'direct-debit',
      exclusionLevel: null,
      exclusionMinimumDebt: 1,
      exclusionEndDate: null,
      exclusionReason: null,
      exclusionMarker: null,
      creditorIban: null,
      creditorBic: null,
      directDebitMinimumDebt: 0,
      directDebitLeadDays: { FRST: 1, RCUR: 1, FNAL: 1, OOFF: 1 },
      directDebitUseFirstSequence: true,
      directDebitText: 'Lastschrift',
      directDebitAccountId: null,
      preNotificationDays: 14,
      preNotificationMailFrom: null,
      preNotificationMailSubject: 'Ankündigung einer SEPA-Lastschrift',
      preNotificationMailBody: expect.stringContaining('SEPA-Lastschrift'),
      creditTransferAccountId: null,
      creditTransferText: 'Überweisung',
      creditMatchPattern: null,
      creditMatchNumberPattern: null,
      returnChargesAccountId: null,
      searchWildcards: true,
      noticePeriod: { months: 3, effectiveAt: 'year-end' },
      duplicateThresholds: { interactive: 40, automatic: 60 },
      onlineConsultants: 'all',
      onlineDaysAhead: 28,
      onlineMaxSlots: 60,
      onlineBookingLeadHours: 2,
      onlineMaxOpenBookings: 1,
      onlineCancellationHours: 24,
      appointmentReminderHours: 24,
      appointmentPageUrl: null,
      missedAppointmentMailFrom: null,
      missedAppointmentMailSubject: 'Ihr versäumter Beratungstermin',
      missedAppointmentMailBody: expect.stringContaining('nicht wahrgenommen'),
      cashAccountId: null,
    })
    expect(ClubSettings.safeParse({ noticePeriod: { months: 3, effectiveAt: 'week-end' } }).success).toBe(false)
    expect(ClubSettings.safeParse({ directDebitLeadDays: { FRST: 0 } }).success).toBe(false)
    expect(ClubSettings.safeParse({ creditMatchPattern: '[0-9' }).success).toBe(false)
    expect(ClubSettings.safeParse({ creditMatchPattern: '[0-9]{5,6}' }).success).toBe(true)
    expect(ClubSettings.safeParse({ invoiceMinimumDebt: 0 }).success).toBe(false)
    expect(ClubSettings.safeParse({ exclusionEndDate: '31.12.2025' }).success).toBe(false)
    expect(ClubSettings.safeParse({ invoiceItems: 'some' }).success).toBe(false)
  })
})
