import * as z from 'zod'
import { compareDates, daysBetween, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Account } from '../fees/account'
import type { PostalAddress } from '../applications/online-application'
import type { LetterChannel } from '../correspondence/letter-channel'
import type { Cents } from '../money/cents'
import type { OpenItem } from '../ledger/open-items'
import { idempotencyKeyOf } from '../runs/idempotency-key'
import type { DunningLevel } from './dunning-level'
import { dunningLevelChain, feeAccountProblems, type FeeAccountProblem } from './dunning-level-chain'
import { isDunningBlocked, type DunningState } from './dunning-state'

/** A dunning run (Mahnlauf, handbook §6.3): its date, printed on the letters and used for the fees, and an optional number range. */
export const DunningRunRequest = z.strictObject({
  asOf: CalendarDateSchema,
  numberFrom: z.number().int().min(0).optional(),
  numberTo: z.number().int().min(0).optional(),
})
export type DunningRunRequest = z.infer<typeof DunningRunRequest>

/** A membership as the dunning run sees it. */
export interface DunningCandidate {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly state: DunningState
  readonly processingBlocked: boolean
  /** The address the letter goes to (the billing address if there is one) is marked invalid. */
  readonly addressInvalid: boolean
  readonly recipient: {
    readonly salutation: string
    readonly name: string
    readonly address: PostalAddress
    readonly email?: string | null
  }
  readonly channel: LetterChannel
  /** Open debits as of now; the run counts those booked on or before its date (docs/decisions/0000#d2). */
  readonly openItems: readonly OpenItem[]
  readonly unallocatedCredit: Cents
}

/** Why a membership that is due gets no letter. */
export type DunningExclusion = 'processing-block' | 'dunning-block' | 'court-procedure' | 'invalid-address' | 'unknown-level'

/** One letter of the run, with what its posting and its document need. */
export interface PlannedDunningLetter {
  readonly membershipId: string
  readonly membershipNumber: number
  /** Gapless per organisation, in membership-number order. */
  readonly letterNumber: number
  readonly fromLevel: number | null
  readonly toLevel: number
  readonly previousLetterOn: CalendarDate | null
  readonly levelText: string
  readonly fee: Cents
  readonly feeAccountId: string | null
  readonly postingText: string
  readonly items: readonly { debitId: string; date: CalendarDate; text: string; open: Cents }[]
  /** The open debt before the fee (docs/decisions/0000#d2). */
  readonly openTotal: Cents
  /** What the letter asks for: open debt plus the fee. */
  readonly total: Cents
  readonly recipient: DunningCandidate['recipient']
  readonly channel: LetterChannel
  /** The level's template; null means the club's dunning template. */
  readonly templateId: string | null
  /** False on a last level without a template: the level is set and the fee booked, but no letter is written. */
  readonly produceDocument: boolean
}

/** The preview of a dunning run. */
export interface DunningRunPlan {
  readonly asOf: CalendarDate
  readonly idempotencyKey: string
  /** False when a level cannot book its fee (docs/decisions/0000#d10): `problems` says why, and no letter is planned. */
  readonly valid: boolean
  readonly problems: readonly FeeAccountProblem[]
  readonly letters: readonly PlannedDunningLetter[]
  readonly excluded: readonly { membershipId: string; membershipNumber: number; reason: DunningExclusion }[]
  /** Members at the last level: no further letter; proposed for collection or a court procedure. */
  readonly forCollection: readonly { membershipId: string; membershipNumber: number; openTotal: Cents }[]
  readonly feeTotal: Cents
}

/**
 * Plans one dunning run over all levels at once (handbook §6.3 Mahnungen; docs/decisions/0000#d9):
 * - without a level, a first-level letter when the earliest open debit was booked more than the first level's days
 *   before `asOf` and the open total exceeds its minimum;
 * - at a level, the next level's letter when the last letter is more than that level's days old and the open total
 *   exceeds its minimum; a member whose dunned debt is all settled (every open debit booked after the last letter)
 *   starts again at the first level (docs/decisions/0015);
 * - at the last level, no letter: the member is listed for collection or court, unless already marked for a court
 *   procedure or under a processing block.
 * The open total always covers all open items due by `asOf`, minus unallocated credit (handbook §6.3: no single items).
 * Due members under a processing or dunning block, with a court-procedure marker, an invalid address or a level
 * that is not configured are listed with the reason. Direct-debit payers are dunned like anyone else.
 */
export function planDunningRun(
  request: DunningRunRequest,
  candidates: readonly DunningCandidate[],
  levels: readonly DunningLevel[],
  accounts: readonly Account[],
  lastLetterNumber: number,
): DunningRunPlan {
  if (request.numberFrom !== undefined && request.numberTo !== undefined && request.numberFrom > request.numberTo) {
    throw new VereinskitError(
      'INVALID_RANGE',
      `Membership numbers from ${request.numberFrom} to ${request.numberTo}: put the smaller first.`,
    )
  }
  const chain = dunningLevelChain(levels)
  const problems = feeAccountProblems(chain, accounts)
  const { asOf } = request
  const letters: PlannedDunningLetter[] = []
  const excluded: DunningRunPlan['excluded'][number][] = []
  const forCollection: DunningRunPlan['forCollection'][number][] = []
  let letterNumber = lastLetterNumber
  for (const c of [...candidates].sort((a, b) => a.membershipNumber - b.membershipNumber)) {
    if (request.numberFrom !== undefined && c.membershipNumber < request.numberFrom) continue
    if (request.numberTo !== undefined && c.membershipNumber > request.numberTo) continue
    const due = c.openItems.filter((i) => i.side === 'debit' && i.open > 0 && compareDates(i.date, asOf) <= 0)
    const openTotal = due.reduce((sum, i) => sum + i.open, 0) - c.unallocatedCredit
    if (due.length === 0 || openTotal <= 0) continue
    const earliest = due.reduce((min, i) => (compareDates(i.date, min) < 0 ? i.date : min), due[0]!.date)
    const { level: current, lastLetterOn } = c.state
    const restart = current === null || lastLetterOn === null || compareDates(earliest, lastLetterOn) > 0
    let target: DunningLevel | undefined
    if (restart) {
      target = chain.first
    } else if (chain.position(current) < 0) {
      excluded.push({ membershipId: c.membershipId, membershipNumber: c.membershipNumber, reason: 'unknown-level' })
      continue
    } else {
      target = chain.next(current)
      if (!target) {
        // Already handed over (court-procedure marker) or held back: nothing more to propose.
        if (c.state.courtProcedure || c.processingBlocked) continue
        forCollection.push({ membershipId: c.membershipId, membershipNumber: c.membershipNumber, openTotal })
        continue
      }
    }
    const since = restart ? earliest : lastLetterOn!
    if (daysBetween(since, asOf) <= target.days || openTotal <= target.minimum) continue
    const reason = exclusionOf(c, asOf)
    if (reason) {
      excluded.push({ membershipId: c.membershipId, membershipNumber: c.membershipNumber, reason })
      continue
    }
    if (problems.length > 0) continue
    letterNumber += 1
    letters.push({
      membershipId: c.membershipId,
      membershipNumber: c.membershipNumber,
      letterNumber,
      fromLevel: current,
      toLevel: target.number,
      previousLetterOn: lastLetterOn,
      levelText: target.text,
      fee: target.fee,
      feeAccountId: target.fee > 0 ? target.feeAccountId : null,
      postingText: target.postingText,
      items: due.map((i) => ({ debitId: i.postingId, date: i.date, text: i.text, open: i.open })),
      openTotal,
      total: openTotal + target.fee,
      recipient: c.recipient,
      channel: c.channel,
      templateId: target.templateId,
      produceDocument: !target.last || target.templateId !== null,
    })
  }
  return {
    asOf,
    idempotencyKey: idempotencyKeyOf('dunning', {
      request,
      letters: letters.map((l) => [l.membershipId, l.letterNumber, l.fromLevel, l.toLevel, l.fee, l.items.map((i) => [i.debitId, i.open])]),
    }),
    valid: problems.length === 0,
    problems,
    letters,
    excluded,
    forCollection,
    feeTotal: letters.reduce((sum, l) => sum + l.fee, 0),
  }
}

function exclusionOf(c: DunningCandidate, asOf: CalendarDate): DunningExclusion | null {
  if (c.processingBlocked) return 'processing-block'
  if (isDunningBlocked(c.state, asOf)) return 'dunning-block'
  if (c.state.courtProcedure) return 'court-procedure'
  if (c.addressInvalid) return 'invalid-address'
  return null
}
