import { ValidationError, VereinskitError } from '@vereinskit/core'
import { dunningLevelChain } from '@vereinskit/core/dunning'
import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { applyRun } from '../../runs/apply-run'
import { reverseRun } from '../../runs/reverse-run'
import { mustGetRun } from '../../runs/run-lookup'
import { typedRun, type TypedRun } from '../../runs/run-kind'
import { notFound } from '../../http/not-found-error'
import { dunningRunKind, planDunning } from './dunning-run-kind'
import { historyEntry } from './dunning-state-view'
import type { DunningRunSummary } from '@vereinskit/core/dunning'

type Runs = Pick<RouteHandlers<typeof contract.dunning>, 'levels' | 'replaceLevels' | 'preview' | 'apply' | 'list' | 'get' | 'reverse'>

function runView(run: TypedRun<DunningRunSummary>) {
  return {
    id: run.id,
    asOf: run.asOf,
    idempotencyKey: run.idempotencyKey,
    letterCount: run.summary.letterCount,
    feeTotal: run.summary.feeTotal,
    byLevel: { ...run.summary.byLevel },
    createdAt: run.createdAt,
    reversedAt: run.reversedAt,
  }
}

/** Dunning levels and dunning runs (Mahnläufe). */
export const dunningRunHandlers: Runs = {
  async levels(_, { storage }) {
    // Stored levels were checked as one chain when they were saved (replaceLevels).
    const levels = await storage.dunning.levels()
    if (levels.length === 0) return { items: [] }
    return { items: [...dunningLevelChain(levels).levels, ...levels.filter((l) => !l.valid)] }
  },

  replaceLevels: ({ body }, { storage }) =>
    storage.transaction(async (tx) => {
      const chain = dunningLevelChain(body.levels)
      const inUse = (await tx.dunning.levelsInUse()).filter((level) => !body.levels.some((l) => l.number === level))
      if (inUse.length > 0) {
        throw new VereinskitError(
          'DUNNING_LEVEL_IN_USE',
          `Memberships are at level ${inUse.join(', ')}; keep the level (it may be marked not valid).`,
        )
      }
      for (const level of body.levels) {
        if (level.templateId === null) continue
        const template = await tx.letterTemplates.get(level.templateId)
        if (!template) throw notFound('TEMPLATE_NOT_FOUND', 'Template', level.templateId)
        if (template.kind !== 'dunning') {
          throw new ValidationError([
            {
              path: `levels.${level.number}.templateId`,
              code: 'not-a-dunning-template',
              message: `Template "${template.name}" is a ${template.kind} template, not a dunning template.`,
            },
          ])
        }
      }
      await tx.dunning.replaceLevels(body.levels)
      return { items: [...chain.levels, ...body.levels.filter((l) => !l.valid)] }
    }),

  async preview({ body }, { storage }) {
    const plan = await planDunning(storage, body)
    return {
      ...plan,
      problems: [...plan.problems],
      letters: plan.letters.map((l) => ({
        ...l,
        items: [...l.items],
        recipient: { name: l.recipient.name, address: l.recipient.address },
      })),
      excluded: [...plan.excluded],
      forCollection: [...plan.forCollection],
    }
  },

  apply: async ({ body }, context) => runView(await applyRun(context.storage, dunningRunKind, body.request, body.idempotencyKey, context)),

  async list(_, { storage }) {
    return { items: (await storage.runs.list(dunningRunKind.kind)).map((run) => runView(typedRun(run))) }
  },

  async get({ params }, { storage }) {
    const run = await mustGetRun(storage, dunningRunKind, params.runId)
    const letters = await storage.dunning.letters({ runId: run.id })
    return { ...runView(run), letters: letters.map((l) => ({ ...historyEntry(l), membershipId: l.membershipId })) }
  },

  reverse: async ({ params }, context) => runView(await reverseRun(context.storage, dunningRunKind, params.runId, context)),
}
