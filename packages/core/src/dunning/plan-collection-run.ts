import * as z from 'zod'
import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { VereinskitError } from '../errors/vereinskit-error'
import type { PostalAddress } from '../applications/online-application'
import type { Cents } from '../money/cents'
import type { OpenItem } from '../ledger/open-items'
import { isDunningBlocked, type DunningState } from './dunning-state'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import { runPlan, type RunPlan } from '../runs/run-plan'
import { formatGermanAmount } from '../money/german-amount'
import { formatGermanDate } from '../calendar/german-date'

/** Which memberships a collection run (Export Inkasso, handbook §6.16) hands over. */
export const CollectionCriteria = z.strictObject({
  /** Only memberships at exactly this dunning level. */
  level: z.number().int().min(1).max(99).optional(),
  numberFrom: z.number().int().min(0).optional(),
  numberTo: z.number().int().min(0).optional(),
  /** With (true) or without (false) the court-procedure marker (Mahnverfahren); absent: either. */
  courtProcedure: z.boolean().optional(),
  /** With (true) or without (false) a dunning block in force (Mahnsperre); absent: either. */
  dunningBlock: z.boolean().optional(),
  membershipStatus: z.enum(['any', 'active', 'inactive']).default('any'),
})
export type CollectionCriteria = z.infer<typeof CollectionCriteria>

/** A membership as the collection run sees it. */
export interface CollectionCandidate {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly name: string
  readonly address: PostalAddress
  readonly active: boolean
  readonly state: DunningState
  readonly openItems: readonly OpenItem[]
}

/** A posting handed over, with its membership. */
export interface CollectionItem {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly name: string
  readonly address: PostalAddress
  readonly debitId: string
  readonly date: CalendarDate
  readonly text: string
  readonly open: Cents
}

/**
 * Selects the open debits of defaulting memberships for a collection agency (handbook §6.16): by dunning level,
 * number range, the court-procedure marker, the dunning block and active/inactive membership. Every open debit
 * booked by `asOf` is an item; staff may remove single items before the export.
 */
export function planCollectionRun(
  criteria: CollectionCriteria,
  candidates: readonly CollectionCandidate[],
  asOf: CalendarDate,
): CollectionItem[] {
  if (criteria.numberFrom !== undefined && criteria.numberTo !== undefined && criteria.numberFrom > criteria.numberTo) {
    throw new VereinskitError(
      'INVALID_RANGE',
      `Membership numbers from ${criteria.numberFrom} to ${criteria.numberTo}: put the smaller first.`,
    )
  }
  const items: CollectionItem[] = []
  for (const c of [...candidates].sort((a, b) => a.membershipNumber - b.membershipNumber)) {
    if (criteria.level !== undefined && c.state.level !== criteria.level) continue
    if (criteria.numberFrom !== undefined && c.membershipNumber < criteria.numberFrom) continue
    if (criteria.numberTo !== undefined && c.membershipNumber > criteria.numberTo) continue
    if (criteria.courtProcedure !== undefined && c.state.courtProcedure !== criteria.courtProcedure) continue
    if (criteria.dunningBlock !== undefined && isDunningBlocked(c.state, asOf) !== criteria.dunningBlock) continue
    if (criteria.membershipStatus === 'active' && !c.active) continue
    if (criteria.membershipStatus === 'inactive' && c.active) continue
    for (const i of c.openItems) {
      if (i.side !== 'debit' || i.open <= 0 || compareDates(i.date, asOf) > 0) continue
      items.push({
        membershipId: c.membershipId,
        membershipNumber: c.membershipNumber,
        name: c.name,
        address: c.address,
        debitId: i.postingId,
        date: i.date,
        text: i.text,
        open: i.open,
      })
    }
  }
  return items
}

/** The rows of the collection export (one per posting), German amounts (`1234,56`) and dates, for a CSV writer. */
export function collectionExportRows(items: readonly CollectionItem[]): string[][] {
  const header = ['Mitgliedsnummer', 'Name', 'Straße', 'PLZ', 'Ort', 'Land', 'Buchungsdatum', 'Buchungstext', 'Offener Betrag']
  return [
    header,
    ...items.map((i) => [
      String(i.membershipNumber),
      i.name,
      i.address.street,
      i.address.postcode,
      i.address.city,
      i.address.country,
      formatGermanDate(i.date),
      i.text,
      formatGermanAmount(i.open, { currency: false, grouping: false }),
    ]),
  ]
}

/** The preview of a collection run, keyed by its content. */
export interface CollectionRunPlan {
  readonly asOf: CalendarDate
  readonly criteria: CollectionCriteria
  readonly items: readonly CollectionItem[]
  readonly total: Cents
}

/** What a collection run reports. */
export interface CollectionRunSummary {
  readonly items: number
  readonly total: Cents
}

/** A collection run in the common run shape: deleted (`cancel`) while not exported; an exported run stays. */
export function collectionRunPlanOf(plan: CollectionRunPlan): RunPlan<'collection', CollectionRunSummary> {
  return runPlan({
    kind: 'collection',
    idempotencyKey: idempotencyKeyOf('collection', { criteria: plan.criteria, items: plan.items.map((i) => [i.debitId, i.open]) }),
    asOf: plan.asOf,
    summary: { items: plan.items.length, total: plan.total },
    reversal: 'cancel',
  })
}
