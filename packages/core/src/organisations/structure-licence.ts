import type { Cents } from '../money/cents'

/**
 * Licence totals of a structure (Lizenzen, UMB-21–UMB-24). Tier prices and thresholds are not derivable from the
 * source, so the licences are inputs in cents; only the structure's rules are computed here.
 */
export interface UmbrellaLicenceInput {
  /** The parent's own licence price per month. */
  readonly parentLicence: Cents
  /** Each child's licence price per month; 0 for an unpaid (free) licence. */
  readonly childLicences: readonly Cents[]
  /**
   * Paid child licences booked at the start of the current term: the parent is free from the term after the count
   * reached the threshold (UMB-22, L51), so the current term uses the count it started with.
   */
  readonly paidChildrenAtTermStart: number
  /** The threshold and how it compares; default at least 10 (docs/decisions/0023#free-parent). */
  readonly freeParentThreshold?: { readonly count: number; readonly comparison: 'at-least' | 'more-than' }
}

/** Whether the parent licence is free this term. */
export function parentLicenceIsFree(input: UmbrellaLicenceInput): boolean {
  const { count, comparison } = input.freeParentThreshold ?? { count: 10, comparison: 'at-least' }
  const paid = input.paidChildrenAtTermStart
  return comparison === 'at-least' ? paid >= count : paid > count
}

/** The monthly total of an umbrella structure (Dachverbandslösung): every instance pays its licence (UMB-21). */
export function umbrellaLicenceTotal(input: UmbrellaLicenceInput): Cents {
  const children = input.childLicences.reduce((sum, c) => sum + c, 0)
  return (parentLicenceIsFree(input) ? 0 : input.parentLicence) + children
}

/** One instance of a multi-division structure: its admins and members count towards the parent's licence. */
export interface DivisionCount {
  readonly admins: number
  readonly members: number
}

/** Admins and members of the parent and all divisions together (UMB-24): what sizes the parent licence. */
export function multiDivisionTotals(parent: DivisionCount, divisions: readonly DivisionCount[]): DivisionCount {
  return [parent, ...divisions].reduce((a, b) => ({ admins: a.admins + b.admins, members: a.members + b.members }))
}

/**
 * The monthly total of a multi-division structure (Mehrspartenlösung): the parent licence sized on the totals (its
 * tier price plus extra admins, both inputs) plus a flat fee per division account, 500 cents by default, whatever
 * that division's tier.
 */
export function multiDivisionLicenceTotal(input: {
  readonly parentTierPrice: Cents
  readonly extraAdminsPrice: Cents
  readonly divisionCount: number
  readonly divisionFee?: Cents
}): { parentLicence: Cents; divisionFees: Cents; total: Cents } {
  const parentLicence = input.parentTierPrice + input.extraAdminsPrice
  const divisionFees = input.divisionCount * (input.divisionFee ?? 500)
  return { parentLicence, divisionFees, total: parentLicence + divisionFees }
}
