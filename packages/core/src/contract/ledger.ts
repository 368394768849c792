import * as z from 'zod'
import { PostingKind } from '../ledger/posting'
import { BalanceListFilter, PaymentMethod } from '../ledger/balance-list'
import { QuickBooking } from '../ledger/quick-booking'
import { WriteOffCriteria } from '../ledger/write-off'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema, AmountSchema } from './scalars'
import { defineRoute } from './define-route'

/** A posting with what staff need to judge it. */
export const PostingView = z.object({
  id: IdSchema,
  membershipId: IdSchema,
  membershipNumber: z.number().int(),
  accountId: IdSchema,
  accountName: z.string(),
  date: CalendarDateSchema,
  amount: CentsSchema,
  text: z.string(),
  documentNumber: z.string().nullable(),
  kind: PostingKind,
  runId: IdSchema.nullable(),
  reversalOf: IdSchema.nullable(),
  reversedBy: IdSchema.nullable(),
  /** Debits: cents still open. Credits: cents not yet allocated. */
  open: CentsSchema,
  createdAt: TimestampSchema,
  createdBy: z.string(),
})
export type PostingView = z.infer<typeof PostingView>

/**
 * An open item in a list: a debit still open (positive amounts) or a credit not yet allocated, such as an
 * overpayment (negative amounts). A member's items sum to their open debt.
 */
export const OpenItemView = z.object({
  side: z.enum(['debit', 'credit']),
  postingId: IdSchema,
  membershipId: IdSchema,
  membershipNumber: z.number().int(),
  accountId: IdSchema,
  date: CalendarDateSchema,
  text: z.string(),
  amount: CentsSchema,
  settled: CentsSchema,
  open: CentsSchema,
})

/** A member account (Mitgliedskonto). */
export const MemberAccountView = z.object({ balance: CentsSchema, postings: z.array(PostingView) })

/** A manual posting (Neue Buchung): debits negative, credits positive; the text defaults to the account name. */
export const NewPosting = z.object({
  accountId: IdSchema,
  date: CalendarDateSchema,
  amount: AmountSchema.refine((a) => a !== 0, { message: 'The amount must not be zero.' }),
  text: z.string().trim().min(1).max(140).optional(),
  documentNumber: z.string().trim().max(35).optional(),
})

/** One allocation part. */
export const AllocationView = z.object({ creditId: IdSchema, debitId: IdSchema, amount: CentsSchema, allocatedOn: CalendarDateSchema })

/** Debit and matching cash credit in one step (Soll/Haben). */
export const DebitWithCashCredit = z.object({
  date: CalendarDateSchema,
  amount: AmountSchema.min(1),
  debitAccountId: IdSchema,
  debitText: z.string().trim().min(1).max(140).optional(),
  creditAccountId: IdSchema,
  creditText: z.string().trim().min(1).max(140).optional(),
  documentNumber: z.string().trim().max(35).optional(),
})

/** The preview of a write-off. */
export const WriteOffPreview = z.object({
  date: CalendarDateSchema,
  idempotencyKey: z.string(),
  items: z.array(z.object({ debitId: IdSchema, membershipId: IdSchema, accountId: IdSchema, amount: CentsSchema })),
  count: z.number().int(),
  total: CentsSchema,
})

const membershipPath = '/organisations/:organisationId/memberships/:membershipId' as const

/** Member accounts and postings. */
export const ledgerRoutes = {
  account: defineRoute({
    method: 'GET',
    path: `${membershipPath}/account`,
    access: 'staff',
    summary: 'Balance and all postings of a membership, with open amounts.',
    response: MemberAccountView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  post: defineRoute({
    method: 'POST',
    path: `${membershipPath}/postings`,
    access: 'staff',
    summary: 'Book a posting on a member account; credits are allocated to open debits by priority.',
    body: NewPosting,
    response: PostingView,
    status: 201,
    errors: ['MEMBERSHIP_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'AMOUNT_OUT_OF_RANGE'],
  }),
  edit: defineRoute({
    method: 'PATCH',
    path: '/organisations/:organisationId/postings/:postingId',
    access: 'staff',
    summary: 'Change the text or document number of a posting (nothing else can change).',
    body: z.looseObject({
      text: z.string().trim().min(1).max(140).optional(),
      documentNumber: z.string().trim().max(35).nullable().optional(),
    }),
    response: PostingView,
    errors: ['POSTING_NOT_FOUND', 'POSTING_FIELD_IMMUTABLE'],
  }),
  reverse: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/postings/:postingId/reverse',
    access: 'staff',
    summary: 'Reverse a posting with a counter-posting (Storno).',
    body: z.object({ date: CalendarDateSchema.optional() }),
    response: PostingView,
    status: 201,
    errors: ['POSTING_NOT_FOUND', 'POSTING_NOT_REVERSIBLE', 'POSTING_ALREADY_REVERSED'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/organisations/:organisationId/postings/:postingId',
    access: 'staff',
    summary: 'Delete a debit that nothing uses.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['POSTING_NOT_FOUND', 'POSTING_IN_USE'],
  }),
  allocations: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/postings/:postingId/allocations',
    access: 'staff',
    summary: 'How a credit is allocated, or what settles a debit.',
    response: z.object({ items: z.array(AllocationView) }),
    errors: ['POSTING_NOT_FOUND'],
  }),
  reallocate: defineRoute({
    method: 'PUT',
    path: '/organisations/:organisationId/postings/:postingId/allocations',
    access: 'staff',
    summary: "Replace a credit's allocation by hand (Detailbuchungen bearbeiten).",
    body: z.object({ parts: z.array(z.object({ debitId: IdSchema, amount: AmountSchema })).max(1000) }),
    response: z.object({ items: z.array(AllocationView) }),
    errors: ['POSTING_NOT_FOUND', 'ALLOCATION_INVALID'],
  }),
  debitWithCashCredit: defineRoute({
    method: 'POST',
    path: `${membershipPath}/debit-with-cash-credit`,
    access: 'staff',
    summary: 'Book a debit and its cash payment in one step.',
    body: DebitWithCashCredit,
    response: z.object({ debit: PostingView, credit: PostingView }),
    status: 201,
    errors: ['MEMBERSHIP_NOT_FOUND', 'ACCOUNT_NOT_FOUND', 'ACCOUNT_TYPE_MISMATCH', 'AMOUNT_OUT_OF_RANGE'],
  }),
  quickBooking: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/quick-bookings',
    access: 'staff',
    summary: 'Book many postings on one account with one text, by membership number; all or nothing.',
    body: QuickBooking,
    response: z.object({ count: z.number().int(), total: CentsSchema }),
    status: 201,
    errors: ['ACCOUNT_NOT_FOUND', 'AMOUNT_OUT_OF_RANGE', 'UNKNOWN_MEMBERSHIP_NUMBER'],
  }),
  openItems: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/open-items',
    access: 'staff',
    summary: 'Open items as of a cutoff date, for postings booked in a range: open debits and unallocated credits.',
    query: z.object({ cutoff: CalendarDateSchema, bookedFrom: CalendarDateSchema.optional(), bookedTo: CalendarDateSchema.optional() }),
    response: z.object({ items: z.array(OpenItemView) }),
    errors: ['INVALID_RANGE'],
  }),
  balanceList: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/balance-list',
    access: 'staff',
    summary: 'Balances by membership-number range, balance range and payment method.',
    query: BalanceListFilter,
    response: z.object({
      items: z.array(
        z.object({ membershipId: IdSchema, membershipNumber: z.number().int(), paymentMethod: PaymentMethod, balance: CentsSchema }),
      ),
    }),
    errors: ['INVALID_RANGE'],
  }),
  statementCsv: defineRoute({
    method: 'GET',
    path: `${membershipPath}/statement.csv`,
    access: 'staff',
    summary: 'Member statement (Kontoauszug): debits, credits, open amount per debit, as CSV.',
    response: z.string(),
    produces: 'csv',
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  statementXlsx: defineRoute({
    method: 'GET',
    path: `${membershipPath}/statement.xlsx`,
    access: 'staff',
    summary: 'Member statement as an Excel workbook.',
    response: z.instanceof(Uint8Array),
    produces: 'xlsx',
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  previewWriteOff: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/write-offs/preview',
    access: 'staff',
    summary: 'Count and total of the open receivables a write-off would clear, booked today.',
    body: WriteOffCriteria,
    response: WriteOffPreview,
    errors: [],
  }),
  writeOff: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/write-offs',
    access: 'staff',
    summary: 'Write off exactly what the preview showed.',
    body: z.object({ criteria: WriteOffCriteria, idempotencyKey: z.string().min(1).max(100) }),
    response: z.object({ runId: IdSchema, count: z.number().int(), total: CentsSchema }),
    status: 201,
    errors: ['RUN_PLAN_CHANGED'],
  }),
} as const
