import { VereinskitError } from '@vereinskit/core'
import { collectionExportRows, type CollectionItem } from '@vereinskit/core/dunning'
import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { applyRun } from '../../runs/apply-run'
import { reverseRun } from '../../runs/reverse-run'
import { mustGetRun } from '../../runs/run-lookup'
import { notFound } from '../../http/not-found-error'
import { germanCsv } from '../../exports/german-csv'
import { exclusionRunKind, planExclusion } from './exclusion-run-kind'
import { collectionRunKind, planCollection } from './collection-run-kind'

type Handlers = Pick<
  RouteHandlers<typeof contract.dunning>,
  | 'previewExclusion'
  | 'applyExclusion'
  | 'previewCollection'
  | 'createCollection'
  | 'getCollection'
  | 'removeCollectionItem'
  | 'exportCollection'
  | 'deleteCollection'
>

const itemView = (i: CollectionItem) => ({
  membershipId: i.membershipId,
  membershipNumber: i.membershipNumber,
  name: i.name,
  debitId: i.debitId,
  date: i.date,
  text: i.text,
  open: i.open,
})

async function collectionView(storage: OrganisationStorage, runId: string) {
  const run = await mustGetRun(storage, collectionRunKind, runId)
  if (run.reversedAt) throw new VereinskitError('RUN_NOT_FOUND', `Collection run ${runId} was deleted.`)
  const items = await storage.collections.items(run.id)
  const exportedAt = await storage.collections.exportedAt(run.id)
  return {
    id: run.id,
    createdAt: run.createdAt,
    exportedAt: exportedAt?.toISOString() ?? null,
    items: items.map(itemView),
    total: items.reduce((s, i) => s + i.open, 0),
  }
}

async function mustBeEditable(storage: OrganisationStorage, runId: string) {
  await collectionView(storage, runId)
  if (await storage.collections.exportedAt(runId))
    throw new VereinskitError('COLLECTION_RUN_EXPORTED', `Collection run ${runId} was exported; it can no longer change.`)
}

/** Exclusion runs (Ausschlussläufe) and collection runs (Export Inkasso). */
export const exclusionCollectionHandlers: Handlers = {
  async previewExclusion({ body }, { storage, today }) {
    const plan = await planExclusion(storage, body, { today })
    return {
      ...plan,
      proposals: [...plan.proposals],
      selected: [...plan.selected],
      idempotencyKey: exclusionRunKind.runPlan(plan).idempotencyKey,
    }
  },

  async applyExclusion({ body }, context) {
    const run = await applyRun(context.storage, exclusionRunKind, body.request, body.idempotencyKey, context)
    const letters = (await context.storage.documents.ofRun(run.id)).length
    return { id: run.id, runDate: run.asOf, endsOn: run.summary.endsOn, excluded: run.summary.excluded, letters, createdAt: run.createdAt }
  },

  async previewCollection({ body }, { storage, today }) {
    const plan = await planCollection(storage, body, today)
    return { items: plan.items.map(itemView), total: plan.total, idempotencyKey: collectionRunKind.runPlan(plan).idempotencyKey }
  },

  async createCollection({ body }, context) {
    const run = await applyRun(context.storage, collectionRunKind, body.criteria, body.idempotencyKey, context)
    return collectionView(context.storage, run.id)
  },

  getCollection: ({ params }, { storage }) => collectionView(storage, params.runId),

  removeCollectionItem: ({ params }, { storage }) =>
    storage.transaction(async (tx) => {
      await mustBeEditable(tx, params.runId)
      if (!(await tx.collections.removeItem(params.runId, params.postingId)))
        throw notFound('NOT_FOUND', 'Posting of this collection run', params.postingId)
      return collectionView(tx, params.runId)
    }),

  exportCollection: ({ params, body }, { storage, clock }) =>
    storage.transaction(async (tx) => {
      await collectionView(tx, params.runId)
      const items = await tx.collections.items(params.runId)
      if (items.length === 0)
        throw new VereinskitError('COLLECTION_RUN_EMPTY', `Collection run ${params.runId} has no postings; it cannot be exported.`)
      if (!(await tx.collections.exportedAt(params.runId))) {
        await tx.collections.markExported(params.runId, clock.now(), {
          setCourtProcedure: body.setCourtProcedure,
          marker: body.marker ?? null,
        })
        const memberships = new Map((await tx.memberships.listForRuns()).map((m) => [m.id, m]))
        for (const membershipId of new Set(items.map((i) => i.membershipId))) {
          if (body.setCourtProcedure) await tx.dunning.updateState(membershipId, { courtProcedure: true })
          const markers = memberships.get(membershipId)?.markers ?? []
          if (body.marker && !markers.includes(body.marker))
            await tx.memberships.update(membershipId, { markers: [...markers, body.marker] })
        }
      }
      const [header, ...rows] = collectionExportRows(items)
      return germanCsv(
        header!,
        rows.map((row) => Object.fromEntries(header!.map((field, i) => [field, row[i]]))),
      )
    }),

  async deleteCollection({ params }, context) {
    await mustGetRun(context.storage, collectionRunKind, params.runId)
    await reverseRun(context.storage, collectionRunKind, params.runId, context)
    return { deleted: true as const }
  },
}
