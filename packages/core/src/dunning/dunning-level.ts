import * as z from 'zod'
import { maxAmountCents } from '../money/amount-schema'

/** A dunning level number (Mahnstufe): 1 to 99, chosen by the club. */
export const DunningLevelNumber = z.number().int().min(1).max(99)

/**
 * A dunning level (Mahnstufe, handbook §9.10.6). Days and minimum belong to the level being issued: the first level
 * counts days since the booking date of the earliest open debit, later levels days since the last letter; a letter
 * goes out when more days have passed and the open total exceeds the minimum (docs/decisions/0000#d9, #d1).
 */
export const DunningLevel = z.strictObject({
  number: DunningLevelNumber,
  /** gültig: only valid levels take part in the chain. */
  valid: z.boolean().default(true),
  /** erste Stufe: exactly one valid level starts dunning. */
  first: z.boolean().default(false),
  /** letzte Stufe: exactly one valid level ends it; members there are flagged for collection or court. */
  last: z.boolean().default(false),
  /** Tage: days that must have passed (more than) before this level is issued. */
  days: z.number().int().min(0).max(3650),
  /** Mind.betrag: the open total must exceed this, in cents. */
  minimum: z.number().int().min(0).max(1_000_000_000).default(0),
  /** Mahngebühr: a positive fee in cents booked with the letter, or 0. */
  fee: z.number().int().min(0).max(maxAmountCents).default(0),
  /** Konto: the receivable account of kind dunning costs the fee is booked to; required when there is a fee. */
  feeAccountId: z.string().min(1).max(100).nullable().default(null),
  /** Folgende Mahnstufe: the level a member gets next; none on the last level. */
  nextLevel: DunningLevelNumber.nullable().default(null),
  /** Mahntext: fills the letter's dunning-text placeholder ("1. Mahnung"). */
  text: z.string().trim().min(1).max(200),
  /** Buchungstext: the fee posting's text. */
  postingText: z.string().trim().min(1).max(140).default('Mahngebühr'),
  /**
   * Vorlage: the letter template. Absent means the club's dunning template (or the built-in one) — except on the last
   * level, where no template means no letter (handbook §9.10.6).
   */
  templateId: z.string().min(1).max(100).nullable().default(null),
})
export type DunningLevel = z.output<typeof DunningLevel>
export type DunningLevelInput = z.input<typeof DunningLevel>

/** A level as the handbook's example writes it; fills the defaults. */
export function dunningLevel(input: DunningLevelInput): DunningLevel {
  return DunningLevel.parse(input)
}
