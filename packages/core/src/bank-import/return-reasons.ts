import * as z from 'zod'
import { PaymentMethod } from '../ledger/balance-list'

/** A reason code as banks deliver it in `RtrInf/Rsn/Cd`: four upper-case letters or digits (ISO ExternalReturnReason1Code). */
export const ReturnReasonCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4}$/, 'A return reason code has four letters or digits, e.g. AM04.')

/** A row of the club's return-reason table (Rücklastgründe, handbook §9.10.4). */
export const ReturnReason = z.strictObject({
  code: ReturnReasonCode,
  meaning: z.string().trim().min(1).max(200),
  /** The payment method a member switches to when a collection comes back with this reason; null keeps it. */
  switchTo: PaymentMethod.nullable(),
  /** The text block the letter to the member carries. */
  letterText: z.string().trim().max(2000).default(''),
})
export type ReturnReason = z.infer<typeof ReturnReason>

/**
 * The ISO/EPC return and reject reasons of SEPA direct debits with their meanings, and our suggested handling: a
 * reason that means the account or mandate cannot be used switches to invoice; a technical one or a lack of funds
 * keeps direct debit. The club decides per reason and can add codes the banks send (handbook §9.10.4).
 */
export const standardReturnReasons: readonly ReturnReason[] = [
  {
    code: 'AC01',
    meaning: 'Account identifier incorrect (invalid IBAN)',
    switchTo: 'invoice',
    letterText: 'Die angegebene IBAN ist nicht korrekt. Bitte teilen Sie uns Ihre Bankverbindung neu mit.',
  },
  {
    code: 'AC04',
    meaning: 'Account closed',
    switchTo: 'invoice',
    letterText: 'Das Konto ist aufgelöst. Bitte erteilen Sie uns ein neues Lastschriftmandat.',
  },
  {
    code: 'AC06',
    meaning: 'Account blocked, or blocked for direct debits by the debtor',
    switchTo: 'invoice',
    letterText: 'Das Konto ist für Lastschriften gesperrt.',
  },
  { code: 'AC13', meaning: 'Debtor account is a consumer account (B2B not allowed)', switchTo: null, letterText: '' },
  {
    code: 'AG01',
    meaning: 'Transaction forbidden: direct debits not allowed on this account type',
    switchTo: 'invoice',
    letterText: 'Von diesem Konto sind keine Lastschriften möglich.',
  },
  { code: 'AG02', meaning: 'Invalid bank operation code or file format', switchTo: null, letterText: '' },
  { code: 'AM04', meaning: 'Insufficient funds', switchTo: null, letterText: 'Das Konto wies keine ausreichende Deckung auf.' },
  { code: 'AM05', meaning: 'Duplicate collection', switchTo: null, letterText: '' },
  { code: 'BE05', meaning: 'Unrecognised initiating party (creditor identifier incorrect)', switchTo: null, letterText: '' },
  { code: 'CNOR', meaning: 'Creditor bank is not registered for SEPA direct debits', switchTo: null, letterText: '' },
  {
    code: 'DNOR',
    meaning: 'Debtor bank is not registered for SEPA direct debits',
    switchTo: 'invoice',
    letterText: 'Ihre Bank nimmt nicht am SEPA-Lastschriftverfahren teil.',
  },
  { code: 'FF01', meaning: 'Invalid file format', switchTo: null, letterText: '' },
  { code: 'FF05', meaning: 'Direct debit type incorrect (CORE/B2B)', switchTo: null, letterText: '' },
  {
    code: 'MD01',
    meaning: 'No valid mandate, or unauthorised transaction (refund within 13 months)',
    switchTo: 'invoice',
    letterText: 'Für die Lastschrift lag nach Angabe Ihrer Bank kein gültiges Mandat vor.',
  },
  { code: 'MD02', meaning: 'Mandate information missing or incorrect', switchTo: null, letterText: '' },
  {
    code: 'MD06',
    meaning: 'Refund requested by the debtor (authorised collection, within 8 weeks)',
    switchTo: 'invoice',
    letterText: 'Sie haben der Lastschrift widersprochen.',
  },
  { code: 'MD07', meaning: 'Debtor deceased', switchTo: 'invoice', letterText: '' },
  {
    code: 'MS02',
    meaning: 'Reason not specified, debtor generated (refusal)',
    switchTo: 'invoice',
    letterText: 'Die Lastschrift wurde zurückgegeben.',
  },
  {
    code: 'MS03',
    meaning: 'Reason not specified, agent generated',
    switchTo: null,
    letterText: 'Die Lastschrift wurde von Ihrer Bank zurückgegeben.',
  },
  { code: 'RC01', meaning: 'Bank identifier (BIC) incorrect', switchTo: null, letterText: '' },
  { code: 'RR01', meaning: 'Regulatory reason: debtor account or identification missing', switchTo: null, letterText: '' },
  { code: 'RR02', meaning: 'Regulatory reason: debtor name or address missing', switchTo: null, letterText: '' },
  { code: 'RR03', meaning: 'Regulatory reason: creditor name or address missing', switchTo: null, letterText: '' },
  { code: 'RR04', meaning: 'Regulatory reason', switchTo: null, letterText: '' },
  {
    code: 'SL01',
    meaning: 'Specific service offered by the debtor bank (e.g. a direct-debit block list)',
    switchTo: 'invoice',
    letterText: 'Ihre Bank hat die Lastschrift aufgrund einer Sperre abgelehnt.',
  },
]

/**
 * The payment method a returned collection switches the member to: the club's table row for the reason, null when
 * the return has no reason or the reason is not in the table (no action, handbook §9.10.4).
 */
export function paymentMethodAfterReturn(
  reason: string | null,
  table: readonly Pick<ReturnReason, 'code' | 'switchTo'>[],
): PaymentMethod | null {
  if (reason === null) return null
  return table.find((r) => r.code === reason.toUpperCase())?.switchTo ?? null
}
