import * as z from 'zod'
import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import type { PostalAddress } from '../applications/online-application'
import type { Cents } from '../money/cents'
import type { OpenItem } from '../ledger/open-items'
import type { PaymentMethod } from '../ledger/balance-list'
import type { ClubSettings } from '../settings/club-settings'
import { createKeyHasher } from '../runs/idempotency-key'
import { transliterateToSepa } from '../sepa/sepa-text'
import {
  mandateInUse,
  mandateStateOn,
  type Mandate,
  type MandateCollection,
  type PreNotificationChannel,
  type SequenceType,
} from './mandate'
import { sequenceTypeFor } from './sequence-type'
import { amendmentFor, type MandateAmendment } from './amendment'
import { checkCollectionDate, type CollectionDateCheck } from './collection-date'

/** A direct-debit run (Lastschriftlauf, handbook §6.5) for one collection date (Ausführungsdatum). */
export const DirectDebitRunRequest = z.strictObject({ collectionDate: CalendarDateSchema })
export type DirectDebitRunRequest = z.infer<typeof DirectDebitRunRequest>

/** A mandate with what a collection needs besides the rules. */
export interface PayerMandate extends Mandate {
  readonly preNotificationChannel: PreNotificationChannel
}

/** A membership as the direct-debit run sees it. */
export interface DirectDebitCandidate {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly paymentMethod: PaymentMethod
  readonly processingBlocked: boolean
  /** Who pays: the alternate payer (abweichender Beitragszahler) when one is set, else the member. */
  readonly payer: {
    readonly personId: string
    readonly name: string
    readonly address: PostalAddress | null
    readonly email: string | null
    readonly alternate: boolean
  }
  /** The payer's mandates; only these count (handbook §6.13). */
  readonly mandates: readonly PayerMandate[]
  /** Open debits as of now; the run collects those booked on or before the collection date (docs/decisions/0000#d14). */
  readonly openItems: readonly OpenItem[]
  readonly unallocatedCredit: Cents
}

/** Why a direct-debit payer is not collected. */
export type DirectDebitSkip = 'processing-block' | 'no-mandate' | 'no-valid-mandate' | 'not-above-minimum' | 'address-required'

/** One debit: one payer's mandate, covering the open items of every membership it pays for. */
export interface PlannedDirectDebit {
  readonly mandateId: string
  readonly reference: string
  readonly signedOn: CalendarDate
  readonly sequenceType: SequenceType
  readonly amendment: MandateAmendment | null
  readonly payerPersonId: string
  readonly accountHolder: string
  readonly iban: string
  readonly bic: string | null
  /** Only for debtors outside the EEA, where SEPA requires the address (spec/sepa.md §3.1). */
  readonly address: PostalAddress | null
  readonly email: string | null
  readonly preNotificationChannel: PreNotificationChannel
  readonly amount: Cents
  /** The open items it settles; the last may be settled in part when unallocated credit reduced the amount. */
  readonly items: readonly { membershipId: string; postingId: string; amount: Cents }[]
  readonly membershipNumbers: readonly number[]
  /** `Ustrd`: one text of at most 140 characters in the SEPA character set. */
  readonly remittance: string
  readonly lapseWarning: boolean
}

/** Totals per sequence type. */
export type SequenceTotals = Readonly<Record<SequenceType, { readonly count: number; readonly amount: Cents }>>

/** The preview of a direct-debit run: nothing is posted until its file is exported (handbook §6.5). */
export interface DirectDebitRunPlan {
  readonly collectionDate: CalendarDate
  readonly idempotencyKey: string
  readonly debits: readonly PlannedDirectDebit[]
  readonly skipped: readonly { membershipId: string; membershipNumber: number; reason: DirectDebitSkip }[]
  readonly totals: SequenceTotals
  readonly total: Cents
  readonly dateCheck: CollectionDateCheck
}

/** What planning needs besides the candidates. */
export interface DirectDebitRunContext {
  readonly today: CalendarDate
  /** Every collection of the organisation's mandates: pending in other runs, exported, returned. */
  readonly collections: readonly MandateCollection[]
  /** Postings already in a direct-debit run that is not exported: never collected twice. */
  readonly collectingPostingIds: ReadonlySet<string>
  readonly settings: Pick<
    ClubSettings,
    'directDebitMinimumDebt' | 'directDebitLeadDays' | 'directDebitUseFirstSequence' | 'directDebitText' | 'preNotificationDays'
  >
}

const remittanceLength = 140

/**
 * Plans a direct-debit run (handbook §6.5, docs/decisions/0000#d13, #d14): every membership paying by direct debit
 * whose payer has a mandate valid on the collection date contributes its open items due by then; the items of
 * one mandate form one debit of their open amount, less unallocated credit, collected when it exceeds
 * `LastschriftMin`. Items already in another unexported run are left out. The sequence type follows the mandate's
 * history (`sequenceTypeFor`), and a changed reference or IBAN adds the amendment. Nothing is posted.
 */
export function planDirectDebitRun(
  request: DirectDebitRunRequest,
  candidates: readonly DirectDebitCandidate[],
  context: DirectDebitRunContext,
): DirectDebitRunPlan {
  const { collectionDate } = request
  const skipped: { membershipId: string; membershipNumber: number; reason: DirectDebitSkip }[] = []
  const byMandate = new Map<string, { mandate: PayerMandate; candidates: DirectDebitCandidate[]; amount: Cents }>()
  const sorted = [...candidates].sort((a, b) => a.membershipNumber - b.membershipNumber)
  for (const c of sorted) {
    if (c.paymentMethod !== 'direct-debit') continue
    const due = c.openItems.filter(
      (i) =>
        i.side === 'debit' && i.open > 0 && compareDates(i.date, collectionDate) <= 0 && !context.collectingPostingIds.has(i.postingId),
    )
    const open = due.reduce((sum, i) => sum + i.open, 0) - c.unallocatedCredit
    if (open <= 0) continue
    const skip = (reason: DirectDebitSkip) => skipped.push({ membershipId: c.membershipId, membershipNumber: c.membershipNumber, reason })
    if (c.processingBlocked) {
      skip('processing-block')
      continue
    }
    if (c.mandates.length === 0) {
      skip('no-mandate')
      continue
    }
    const mandate = mandateInUse(c.mandates, context.collections, collectionDate)
    if (
      mandate === undefined ||
      (mandate.kind === 'one-off' && context.collections.some((k) => k.mandateId === mandate.id && k.status !== 'returned'))
    ) {
      skip('no-valid-mandate')
      continue
    }
    if (requiresDebtorAddress(mandate.iban) && c.payer.address === null) {
      skip('address-required')
      continue
    }
    const entry = byMandate.get(mandate.id) ?? { mandate, candidates: [], amount: 0 }
    entry.candidates.push(c)
    entry.amount += open
    byMandate.set(mandate.id, entry)
  }
  const debits: PlannedDirectDebit[] = []
  const hasher = createKeyHasher('direct-debit')
  hasher.add(collectionDate)
  for (const { mandate, candidates: paying, amount } of byMandate.values()) {
    if (amount <= context.settings.directDebitMinimumDebt) {
      for (const c of paying)
        skipped.push({ membershipId: c.membershipId, membershipNumber: c.membershipNumber, reason: 'not-above-minimum' })
      continue
    }
    const items = paying.flatMap((c) => itemsToCollect(c, collectionDate, context.collectingPostingIds))
    const payer = paying[0]!.payer
    const numbers = paying.map((c) => c.membershipNumber)
    const sequenceType = sequenceTypeFor(mandate, context.collections, collectionDate, {
      useFirstSequence: context.settings.directDebitUseFirstSequence,
    })
    const debit: PlannedDirectDebit = {
      mandateId: mandate.id,
      reference: mandate.reference,
      signedOn: mandate.signedOn,
      sequenceType,
      amendment: amendmentFor(mandate, context.collections) ?? null,
      payerPersonId: payer.personId,
      accountHolder: mandate.accountHolder,
      iban: mandate.iban,
      bic: mandate.bic,
      address: requiresDebtorAddress(mandate.iban) ? payer.address : null,
      email: payer.email,
      preNotificationChannel: mandate.preNotificationChannel,
      amount,
      items,
      membershipNumbers: numbers,
      remittance: remittanceText(context.settings.directDebitText, numbers),
      lapseWarning: mandateStateOn(mandate, context.collections, collectionDate).lapseWarning,
    }
    debits.push(debit)
    hasher.add(`|${debit.mandateId}:${debit.amount}:${debit.sequenceType}:${debit.iban}:${debit.reference}`)
    for (const item of items) hasher.add(`,${item.postingId}=${item.amount}`)
  }
  const totals = sequenceTotals(debits)
  const dateCheck = checkCollectionDate({
    collectionDate,
    today: context.today,
    leadDays: context.settings.directDebitLeadDays,
    sequenceTypes: debits.map((d) => d.sequenceType),
    preNotificationDays: context.settings.preNotificationDays,
  })
  return {
    collectionDate,
    idempotencyKey: hasher.key(),
    debits,
    skipped: skipped.sort((a, b) => a.membershipNumber - b.membershipNumber),
    totals,
    total: debits.reduce((sum, d) => sum + d.amount, 0),
    dateCheck,
  }
}

/** The membership's items due by the collection date, oldest first, with unallocated credit taken off the oldest. */
function itemsToCollect(c: DirectDebitCandidate, collectionDate: CalendarDate, collecting: ReadonlySet<string>) {
  const due = c.openItems
    .filter((i) => i.side === 'debit' && i.open > 0 && compareDates(i.date, collectionDate) <= 0 && !collecting.has(i.postingId))
    .sort((a, b) => compareDates(a.date, b.date) || (a.postingId < b.postingId ? -1 : 1))
  let credit = c.unallocatedCredit
  const items: { membershipId: string; postingId: string; amount: Cents }[] = []
  for (const i of due) {
    const covered = Math.min(credit, i.open)
    credit -= covered
    if (i.open - covered > 0) items.push({ membershipId: c.membershipId, postingId: i.postingId, amount: i.open - covered })
  }
  return items
}

/** Totals of debits per sequence type. */
export function sequenceTotals(debits: readonly Pick<PlannedDirectDebit, 'sequenceType' | 'amount'>[]): SequenceTotals {
  const totals = {
    FRST: { count: 0, amount: 0 },
    RCUR: { count: 0, amount: 0 },
    FNAL: { count: 0, amount: 0 },
    OOFF: { count: 0, amount: 0 },
  }
  for (const d of debits) {
    totals[d.sequenceType].count += 1
    totals[d.sequenceType].amount += d.amount
  }
  return totals
}

/**
 * The remittance text (`Ustrd`): the club's booking text and the membership numbers, in the SEPA character set and
 * cut to 140 characters (spec/sepa.md §3.8).
 */
export function remittanceText(text: string, membershipNumbers: readonly number[]): string {
  const full = `${text} Mitgl.-Nr. ${membershipNumbers.join(', ')}`
  return transliterateToSepa(full).text.slice(0, remittanceLength).trimEnd()
}

/** SEPA countries outside the EEA: their debtors' addresses must go with each collection (EPC rulebook). */
const nonEeaSepaCountries = new Set(['AD', 'AL', 'CH', 'GB', 'GG', 'IM', 'JE', 'MC', 'MD', 'ME', 'MK', 'RS', 'SM', 'VA'])

/** True when a collection from this IBAN must carry the debtor's address. */
export function requiresDebtorAddress(iban: string): boolean {
  return nonEeaSepaCountries.has(iban.slice(0, 2))
}
