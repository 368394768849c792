import { contract } from '@vereinskit/core/contract'
import { defineCapability, type DailyJob } from '../capability'
import { createDunningStore } from './postgres-dunning-store'
import { createCollectionStore } from './postgres-collection-store'
import { dunningRunHandlers } from './dunning-run-handlers'
import { dunningMemberHandlers } from './dunning-member-handlers'
import { exclusionCollectionHandlers } from './exclusion-collection-handlers'

/** Clears dunning blocks whose end date has passed (docs/decisions/0000#d11: the block holds through its end date). */
const clearExpiredBlocks: DailyJob = {
  name: 'dunning-block-expiry',
  async run(tx, today) {
    const cleared = await tx.dunning.clearExpiredBlocks(today)
    await tx.dunning.addEvents(
      cleared.map((membershipId) => ({
        membershipId,
        kind: 'block-expired' as const,
        on: today,
        detail: {},
        actor: 'job:dunning-block-expiry',
      })),
    )
  },
}

/** Dunning (Mahnwesen): levels, dunning runs and their reversal, blocks and markers, exclusion and collection runs. */
export const dunningCapability = defineCapability({
  name: 'dunning',
  routes: contract.dunning,
  handlers: { ...dunningRunHandlers, ...dunningMemberHandlers, ...exclusionCollectionHandlers },
  stores: { dunning: createDunningStore, collections: createCollectionStore },
  dailyJobs: [clearExpiredBlocks],
})
