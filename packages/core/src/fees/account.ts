import * as z from 'zod'

/**
 * A finance account: receivable (Forderungskonto: what members owe, e.g. membership fee, dunning costs) or cash/bank
 * (Bestandskonto: where money arrives). The name is the default posting text, so it should read well on letters.
 */
export const Account = z.object({
  id: z.string().min(1),
  number: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(80),
  type: z.enum(['receivable', 'cash']),
  /**
   * The claim kind (Forderungsart), receivable accounts only: a main claim (Hauptforderung, the membership fee) or a
   * secondary one (Nebenforderung) — dunning costs (Mahnkosten), information costs (Auskunftskosten) or other. Dunning
   * fees must post to a `dunning-costs` account (handbook §6.4, §9.10.6).
   */
  receivableKind: z.enum(['main', 'secondary', 'dunning-costs', 'information-costs']).nullable(),
  /** Allocation priority (Priorität): 1 is settled first, then 2, …; 0 means none and comes last (docs/decisions/0000#d3). */
  priority: z.number().int().min(0).max(99),
})
export type Account = z.infer<typeof Account>

/** Sort key for allocation by account priority: 1, 2, 3, …, and 0 (no priority) after all of them. */
export function priorityRank(priority: number): number {
  return priority === 0 ? Number.MAX_SAFE_INTEGER : priority
}
