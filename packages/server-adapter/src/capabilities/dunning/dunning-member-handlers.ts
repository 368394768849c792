import { ValidationError, VereinskitError, compareDates } from '@vereinskit/core'
import { lastLetterToCancel } from '@vereinskit/core/dunning'
import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { takeBackLetters } from './take-back-letter'
import { dunningStateView, mustHaveMembership } from './dunning-state-view'

type Member = Pick<RouteHandlers<typeof contract.dunning>, 'state' | 'setBlock' | 'removeBlock' | 'setMarkers' | 'cancelLast' | 'correct'>

/** A membership's dunning: state, blocks, markers, cancel last dunning, manual level correction. */
export const dunningMemberHandlers: Member = {
  async state({ params }, { storage, today }) {
    await mustHaveMembership(storage, params.membershipId)
    return dunningStateView(storage, params.membershipId, today)
  },

  setBlock: ({ params, body }, { storage, today, actor }) =>
    storage.transaction(async (tx) => {
      await mustHaveMembership(tx, params.membershipId)
      if (body.until !== null && compareDates(body.until, today) < 0) {
        throw new VereinskitError(
          'DUNNING_BLOCK_INVALID',
          `A dunning block until ${body.until} would already have ended (today is ${today}).`,
        )
      }
      await tx.dunning.updateState(params.membershipId, { block: { until: body.until } })
      await tx.dunning.addEvents([{ membershipId: params.membershipId, kind: 'block', on: today, detail: { until: body.until }, actor }])
      return dunningStateView(tx, params.membershipId, today)
    }),

  removeBlock: ({ params }, { storage, today, actor }) =>
    storage.transaction(async (tx) => {
      await mustHaveMembership(tx, params.membershipId)
      await tx.dunning.updateState(params.membershipId, { block: null })
      await tx.dunning.addEvents([{ membershipId: params.membershipId, kind: 'unblock', on: today, detail: {}, actor }])
      return dunningStateView(tx, params.membershipId, today)
    }),

  setMarkers: ({ params, body }, { storage, today, actor }) =>
    storage.transaction(async (tx) => {
      await mustHaveMembership(tx, params.membershipId)
      await tx.dunning.updateState(params.membershipId, { courtProcedure: body.courtProcedure, noCourtOrder: body.noCourtOrder })
      await tx.dunning.addEvents([
        ...(body.courtProcedure === undefined
          ? []
          : [
              {
                membershipId: params.membershipId,
                kind: 'court-procedure' as const,
                on: today,
                detail: { set: body.courtProcedure, note: body.note ?? null },
                actor,
              },
            ]),
        ...(body.noCourtOrder === undefined
          ? []
          : [
              {
                membershipId: params.membershipId,
                kind: 'no-court-order' as const,
                on: today,
                detail: { set: body.noCourtOrder, note: body.note ?? null },
                actor,
              },
            ]),
      ])
      return dunningStateView(tx, params.membershipId, today)
    }),

  cancelLast: ({ params }, { storage, today, clock, actor }) =>
    storage.transaction(async (tx) => {
      await tx.organisation.getForUpdate()
      await mustHaveMembership(tx, params.membershipId)
      const letter = lastLetterToCancel(await tx.dunning.letters({ membershipId: params.membershipId }), params.membershipId)
      await takeBackLetters(tx, [letter], { today, now: clock.now(), actor })
      await tx.ledger.removeUses(letter.runId, letter.itemIds)
      await tx.dunning.addEvents([
        {
          membershipId: params.membershipId,
          kind: 'letter-cancelled',
          on: today,
          detail: { letterId: letter.id, runId: letter.runId },
          actor,
        },
      ])
      return dunningStateView(tx, params.membershipId, today)
    }),

  correct: ({ params, body }, { storage, today, actor }) =>
    storage.transaction(async (tx) => {
      await mustHaveMembership(tx, params.membershipId)
      if (body.level !== null && body.lastLetterOn === null) {
        throw new ValidationError([
          { path: 'lastLetterOn', code: 'required', message: 'A corrected level needs the date of the last dunning.' },
        ])
      }
      if (body.level !== null && !(await tx.dunning.levels()).some((l) => l.number === body.level && l.valid)) {
        throw new VereinskitError('DUNNING_LEVEL_NOT_FOUND', `Dunning level ${body.level} is not configured.`)
      }
      const before = await tx.dunning.state(params.membershipId)
      await tx.dunning.updateState(params.membershipId, { level: body.level, lastLetterOn: body.level === null ? null : body.lastLetterOn })
      await tx.dunning.addEvents([
        {
          membershipId: params.membershipId,
          kind: 'correction',
          on: today,
          detail: { from: { level: before.level, lastLetterOn: before.lastLetterOn }, to: body },
          actor,
        },
      ])
      return dunningStateView(tx, params.membershipId, today)
    }),
}
