import * as z from 'zod'
import { ReturnReason } from '../bank-import/return-reasons'
import { PaymentMethod } from '../ledger/balance-list'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

const organisationPath = '/organisations/:organisationId'

/** Upload of a camt.053 or camt.054 file: its name and its XML text. */
export const BankFileUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  content: z.string().min(1),
})

const EntryKind = z.enum(['credit', 'returned-debit', 'returned-transfer', 'reversal', 'collection-settlement', 'other'])
const EntryStatus = z.enum(['booked', 'open', 'reported', 'duplicate', 'dismissed'])

/** An imported file (Übersicht Dateien) with its status: processing, active (entries wait for staff), failed, closed. */
export const BankFileView = z.object({
  id: IdSchema,
  fileName: z.string(),
  message: z.enum(['camt.053', 'camt.054']),
  version: z.enum(['001.02', '001.08']),
  messageId: z.string(),
  status: z.enum(['processing', 'active', 'failed', 'closed']),
  error: z.string().nullable(),
  createdAt: TimestampSchema,
  counts: z.record(EntryStatus, z.number().int()),
})

/** One transaction of a bank file and what the import did with it. */
export const BankEntryView = z.object({
  id: IdSchema,
  fileId: IdSchema,
  kind: EntryKind,
  status: EntryStatus,
  /** Why it was not booked automatically, or what was booked. */
  outcome: z.string(),
  amount: CentsSchema,
  currency: z.string(),
  bookingDate: CalendarDateSchema.nullable(),
  counterpartyName: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
  remittance: z.string(),
  endToEndId: z.string().nullable(),
  returnReason: z.string().nullable(),
  charges: CentsSchema.nullable(),
  membershipId: IdSchema.nullable(),
  membershipNumber: z.number().int().nullable(),
  postingIds: z.array(IdSchema),
})

/** Bank imports (camt.053/054), manual assignment of credits, and the club's return-reason table. */
export const bankImportRoutes = {
  upload: defineRoute({
    method: 'POST',
    path: `${organisationPath}/bank-files`,
    access: 'staff',
    status: 201,
    summary:
      'Upload a camt.053 or camt.054 file: credits with exactly one known membership number are booked, returned debits are matched and booked, everything else waits or is reported.',
    body: BankFileUpload,
    maxBodyBytes: 40 * 1024 * 1024,
    response: BankFileView,
    errors: [
      'PAYLOAD_TOO_LARGE',
      'BANK_FILE_TOO_LARGE',
      'BANK_FILE_NOT_XML',
      'BANK_FILE_DTD_REFUSED',
      'BANK_FILE_TOO_DEEP',
      'BANK_FILE_UNSUPPORTED',
      'BANK_FILE_INVALID',
      'BANK_FILE_ALREADY_IMPORTED',
      'BANK_IMPORT_SETTINGS_MISSING',
    ],
  }),
  list: defineRoute({
    method: 'GET',
    path: `${organisationPath}/bank-files`,
    access: 'staff',
    summary: 'Imported bank files, newest first.',
    response: z.array(BankFileView),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: `${organisationPath}/bank-files/:fileId`,
    access: 'staff',
    summary: 'One imported bank file.',
    response: BankFileView,
    errors: ['BANK_FILE_NOT_FOUND'],
  }),
  entries: defineRoute({
    method: 'GET',
    path: `${organisationPath}/bank-files/:fileId/entries`,
    access: 'staff',
    summary: 'The transactions of a file, in file order; filter by status (open ones wait for manual assignment).',
    query: z.strictObject({ status: EntryStatus.optional() }),
    response: z.array(BankEntryView),
    errors: ['BANK_FILE_NOT_FOUND'],
  }),
  candidates: defineRoute({
    method: 'GET',
    path: `${organisationPath}/bank-entries/:entryId/candidates`,
    access: 'staff',
    summary: "Memberships that may have sent an open credit: by the payer's IBAN on a mandate, by name, by numbers in the text.",
    response: z.array(
      z.object({
        membershipId: IdSchema,
        membershipNumber: z.number().int(),
        name: z.string(),
        reasons: z.array(z.enum(['iban', 'name', 'number'])),
      }),
    ),
    errors: ['BANK_ENTRY_NOT_FOUND'],
  }),
  assign: defineRoute({
    method: 'POST',
    path: `${organisationPath}/bank-entries/:entryId/assignment`,
    access: 'staff',
    summary: 'Book an open credit to a membership by hand; it is allocated by account priority.',
    body: z.strictObject({ membershipId: IdSchema }),
    response: BankEntryView,
    errors: [
      'BANK_ENTRY_NOT_FOUND',
      'BANK_ENTRY_NOT_OPEN',
      'BANK_ENTRY_NOT_ASSIGNABLE',
      'MEMBERSHIP_NOT_FOUND',
      'BANK_IMPORT_SETTINGS_MISSING',
      'BANK_FILE_CLOSED',
    ],
  }),
  dismiss: defineRoute({
    method: 'POST',
    path: `${organisationPath}/bank-entries/:entryId/dismissal`,
    access: 'staff',
    summary: 'Mark an open entry as not a member payment (handled outside vereinskit); nothing is booked.',
    body: z.strictObject({ note: z.string().trim().min(1).max(500) }),
    response: BankEntryView,
    errors: ['BANK_ENTRY_NOT_FOUND', 'BANK_ENTRY_NOT_OPEN', 'BANK_FILE_CLOSED'],
  }),
  returnReasons: defineRoute({
    method: 'GET',
    path: `${organisationPath}/return-reasons`,
    access: 'staff',
    summary: "The club's return-reason table (Rücklastgründe): the shipped ISO/EPC codes and the club's own.",
    response: z.array(ReturnReason),
    errors: [],
  }),
  putReturnReason: defineRoute({
    method: 'PUT',
    path: `${organisationPath}/return-reasons/:code`,
    access: 'staff',
    summary: 'Set what a return reason does (payment method to switch to, letter text), or add a code the banks send.',
    body: z.strictObject({
      meaning: z.string().trim().min(1).max(200),
      switchTo: PaymentMethod.nullable(),
      letterText: z.string().trim().max(2000).default(''),
    }),
    response: ReturnReason,
    errors: ['RETURN_REASON_INVALID'],
  }),
}
