import type { aClubWithFees } from './money-fixtures'

type Club = Awaited<ReturnType<typeof aClubWithFees>>

/**
 * Three levels on the club's dunning-costs account: a reminder after 30 days (no fee), "1. Mahnung" 14 days later
 * (2,50 €) and the last level "Inkasso" 14 days after that (5,00 €), each with a 5,00 € minimum.
 */
export async function withDunningLevels(club: Club, overrides: Record<number, Record<string, unknown>> = {}) {
  const levels = [
    { number: 1, first: true, days: 30, minimum: 500, fee: 0, text: 'Zahlungserinnerung', nextLevel: 2 },
    { number: 2, days: 14, minimum: 500, fee: 250, feeAccountId: club.accounts.cost.id, text: '1. Mahnung', nextLevel: 3 },
    { number: 3, last: true, days: 14, minimum: 500, fee: 500, feeAccountId: club.accounts.cost.id, text: 'Inkasso', templateId: null },
  ].map((l) => ({ ...l, ...overrides[l.number] }))
  return club.staff('PUT', '/dunning-levels', { levels })
}

/** Previews and applies a dunning run on `asOf`; answers the preview and the run. */
export async function dunningRun(club: Club, asOf: string, range: { numberFrom?: number; numberTo?: number } = {}) {
  const request = { asOf, ...range }
  const preview = await club.staff('POST', '/dunning-runs/preview', request)
  const run = await club.staff('POST', '/dunning-runs', { request, idempotencyKey: preview.idempotencyKey })
  return { preview, run }
}
