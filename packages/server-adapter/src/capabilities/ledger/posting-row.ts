import type { NewPostingRow } from './ledger-store'

type Required = 'membershipId' | 'accountId' | 'date' | 'amount' | 'text' | 'kind' | 'createdBy'

/** A posting row with everything a plain booking leaves empty (no run, no charge, no reversal, no document). */
export function postingRow(fields: Pick<NewPostingRow, Required> & Partial<Omit<NewPostingRow, Required>>): NewPostingRow {
  return { documentNumber: null, runId: null, chargeKey: null, chargeAssignmentId: null, chargeYear: null, reversalOf: null, ...fields }
}
