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
  /** Main claim (membership fee) or secondary claim (dunning or information costs); receivable accounts only. */
  receivableKind: z.enum(['main', 'secondary']).nullable(),
  /** Allocation priority (Priorität): 1 is settled first, then 2, …; 0 means none and comes last (docs/decisions/0000#d3). */
  priority: z.number().int().min(0).max(99),
})
export type Account = z.infer<typeof Account>

/** Sort key for allocation by account priority: 1, 2, 3, …, and 0 (no priority) after all of them. */
export function priorityRank(priority: number): number {
  return priority === 0 ? Number.MAX_SAFE_INTEGER : priority
}
