import {
  VereinskitError,
  assertAllocationFits,
  assertCreditDeletable,
  assertDebitDeletable,
  assertDebitWithCashAccounts,
  assertOnlyEditableFields,
  compareDates,
  filterBalanceList,
  ledgerState,
  openItemsAt,
  planReversal,
  planReversalAllocations,
  planWriteOff,
  resolveQuickBooking,
  type CalendarDate,
  type WriteOffMembership,
} from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { inSequence } from '../storage/in-sequence'
import type { HandlerContext, RouteHandlers } from '../http/route-handler'
import { notFound } from '../http/not-found-error'
import { settleAccounts } from '../ledger/settle-accounts'
import { postingRow } from '../ledger/posting-row'
import { findAppliedRun } from '../runs/find-applied-run'
import { assertBalancesInRange } from '../ledger/assert-balances-in-range'
import { statementCsv, statementXlsx } from '../exports/statement'
import type { Storage } from '../storage/storage'

async function mustGetMembership({ storage, organisation }: HandlerContext, membershipId: string) {
  const membership = await storage.memberships.get(organisation.id, membershipId)
  if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', membershipId)
  return membership
}

async function mustGetAccount(storage: Storage, organisationId: string, accountId: string) {
  const account = (await storage.finance.listAccounts(organisationId)).find((a) => a.id === accountId)
  if (!account) throw new VereinskitError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist.`)
  return account
}

async function mustGetPosting(storage: Storage, organisationId: string, postingId: string, forUpdate = false) {
  const posting = await storage.ledger.getPosting(organisationId, postingId, { forUpdate })
  if (!posting) throw new VereinskitError('POSTING_NOT_FOUND', `Posting ${postingId} does not exist.`)
  return posting
}

async function view(storage: Storage, organisationId: string, postingId: string) {
  const [posting] = await storage.ledger.postingViews(organisationId, { ids: [postingId] })
  return posting!
}

async function writeOffPlan(storage: Storage, organisationId: string, criteria: Parameters<typeof planWriteOff>[2], today: CalendarDate) {
  const [{ postings, allocations }, memberships] = await inSequence(
    () => storage.ledger.ledger(organisationId, 'all'),
    () => storage.memberships.listForRuns(organisationId),
  )
  // Everything booked so far counts, whatever its date: the write-off is booked today (L429).
  const items = openItemsAt(postings, allocations, { cutoff: '9999-12-31', includeCredits: true })
  const credit = new Map<string, number>()
  for (const item of items) if (item.side === 'credit') credit.set(item.membershipId, (credit.get(item.membershipId) ?? 0) - item.open)
  const byId = new Map(
    memberships.map((m): [string, WriteOffMembership] => [
      m.id,
      {
        status: m.endsOn !== null && compareDates(m.endsOn, today) < 0 ? 'ended' : 'active',
        processingBlocked: m.processingBlocked,
        unallocatedCredit: credit.get(m.id) ?? 0,
      },
    ]),
  )
  return planWriteOff(items, byId, criteria, today)
}

/** Member accounts: postings, reversals, allocations, lists and exports. */
export const ledgerHandlers: RouteHandlers<typeof contract.ledger> = {
  async account({ params }, context) {
    await mustGetMembership(context, params.membershipId)
    const postings = await context.storage.ledger.postingViews(context.organisation.id, { membershipId: params.membershipId })
    return { balance: postings.reduce((sum, p) => sum + p.amount, 0), postings }
  },

  async post({ params, body }, context) {
    const { storage, organisation, actor } = context
    await mustGetMembership(context, params.membershipId)
    return storage.transaction(async (tx) => {
      const account = await mustGetAccount(tx, organisation.id, body.accountId)
      const [created] = await tx.ledger.insertPostings(organisation.id, [
        postingRow({
          membershipId: params.membershipId,
          accountId: account.id,
          date: body.date,
          amount: body.amount,
          text: body.text ?? account.name,
          documentNumber: body.documentNumber ?? null,
          kind: body.amount > 0 ? 'payment' : 'manual',
          createdBy: actor,
        }),
      ])
      await assertBalancesInRange(tx, organisation.id, [params.membershipId])
      await settleAccounts(tx, organisation.id, [params.membershipId])
      return view(tx, organisation.id, created!.id)
    })
  },

  async edit({ params, body }, { storage, organisation }) {
    const posting = await mustGetPosting(storage, organisation.id, params.postingId)
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
    assertOnlyEditableFields(posting.id, changes)
    await storage.ledger.updatePosting(organisation.id, posting.id, changes as { text?: string; documentNumber?: string | null })
    return view(storage, organisation.id, posting.id)
  },

  reverse: ({ params, body }, { storage, organisation, today, actor }) =>
    storage.transaction(async (tx) => {
      const original = await mustGetPosting(tx, organisation.id, params.postingId, true)
      const plan = planReversal(original, body.date ?? today, await tx.ledger.isReversed(organisation.id, original.id))
      const [reversal] = await tx.ledger.insertPostings(organisation.id, [
        postingRow({ membershipId: original.membershipId, ...plan, kind: 'reversal', createdBy: actor }),
      ])
      const change = planReversalAllocations(original, reversal!.id, plan.date, await tx.ledger.allocationsOf(organisation.id, original.id))
      await tx.ledger.deleteAllocations(organisation.id, change.remove)
      await tx.ledger.insertAllocations(organisation.id, change.add, 'reversal')
      await settleAccounts(tx, organisation.id, [original.membershipId])
      return view(tx, organisation.id, reversal!.id)
    }),

  remove: ({ params }, { storage, organisation }) =>
    storage.transaction(async (tx) => {
      const posting = await mustGetPosting(tx, organisation.id, params.postingId, true)
      if (posting.amount > 0) assertCreditDeletable(posting, await tx.ledger.isReversed(organisation.id, posting.id))
      else assertDebitDeletable(posting, await tx.ledger.usage(organisation.id, posting.id))
      await tx.ledger.deletePosting(organisation.id, posting.id)
      // The debits a deleted credit settled are open again; other credit waiting for allocation may settle them.
      if (posting.amount > 0) await settleAccounts(tx, organisation.id, [posting.membershipId])
      return { deleted: true as const }
    }),

  async allocations({ params }, { storage, organisation }) {
    const posting = await mustGetPosting(storage, organisation.id, params.postingId)
    return { items: await storage.ledger.allocationsOf(organisation.id, posting.id) }
  },

  reallocate: ({ params, body }, { storage, organisation }) =>
    storage.transaction(async (tx) => {
      const credit = await mustGetPosting(tx, organisation.id, params.postingId, true)
      const { postings, allocations } = await tx.ledger.ledger(organisation.id, [credit.membershipId])
      const others = allocations.filter((a) => a.creditId !== credit.id)
      const state = ledgerState(postings, others, () => 0)
      const debits = new Map(
        state.openDebits.map((d) => [d.id, { posting: postings.find((p) => p.id === d.id)!, openWithoutThisCredit: d.open }]),
      )
      assertAllocationFits(credit, body.parts, debits)
      await tx.ledger.deleteAllocationsOfCredit(organisation.id, credit.id)
      await tx.ledger.insertAllocations(
        organisation.id,
        body.parts.map((part) => {
          const debitDate = debits.get(part.debitId)!.posting.date
          return {
            creditId: credit.id,
            debitId: part.debitId,
            amount: part.amount,
            allocatedOn: compareDates(credit.date, debitDate) >= 0 ? credit.date : debitDate,
          }
        }),
        'manual',
      )
      return { items: await tx.ledger.allocationsOf(organisation.id, credit.id) }
    }),

  async debitWithCashCredit({ params, body }, context) {
    const { storage, organisation, actor } = context
    await mustGetMembership(context, params.membershipId)
    return storage.transaction(async (tx) => {
      const debitAccount = await mustGetAccount(tx, organisation.id, body.debitAccountId)
      const creditAccount = await mustGetAccount(tx, organisation.id, body.creditAccountId)
      assertDebitWithCashAccounts(debitAccount, creditAccount)
      const common = { membershipId: params.membershipId, date: body.date, documentNumber: body.documentNumber ?? null, createdBy: actor }
      const [debit, credit] = await tx.ledger.insertPostings(organisation.id, [
        postingRow({
          ...common,
          accountId: debitAccount.id,
          amount: -body.amount,
          text: body.debitText ?? debitAccount.name,
          kind: 'manual',
        }),
        postingRow({
          ...common,
          accountId: creditAccount.id,
          amount: body.amount,
          text: body.creditText ?? creditAccount.name,
          kind: 'payment',
        }),
      ])
      await assertBalancesInRange(tx, organisation.id, [params.membershipId])
      await tx.ledger.insertAllocations(
        organisation.id,
        [{ creditId: credit!.id, debitId: debit!.id, amount: body.amount, allocatedOn: body.date }],
        'cash',
      )
      return { debit: await view(tx, organisation.id, debit!.id), credit: await view(tx, organisation.id, credit!.id) }
    })
  },

  quickBooking: ({ body }, { storage, organisation, actor }) =>
    storage.transaction(async (tx) => {
      const account = await mustGetAccount(tx, organisation.id, body.accountId)
      const ids = await tx.memberships.idsByNumbers(
        organisation.id,
        body.entries.map((e) => e.membershipNumber),
      )
      const entries = resolveQuickBooking(body, ids)
      await tx.ledger.insertPostings(
        organisation.id,
        entries.map((e) =>
          postingRow({
            membershipId: e.membershipId,
            accountId: account.id,
            date: body.date,
            amount: e.amount,
            text: body.text,
            documentNumber: body.documentNumber ?? null,
            kind: e.amount > 0 ? 'payment' : 'manual',
            createdBy: `${actor} (quick booking)`,
          }),
        ),
      )
      await assertBalancesInRange(
        tx,
        organisation.id,
        entries.map((e) => e.membershipId),
      )
      await settleAccounts(
        tx,
        organisation.id,
        entries.map((e) => e.membershipId),
      )
      return { count: entries.length, total: entries.reduce((sum, e) => sum + e.amount, 0) }
    }),

  async openItems({ query }, { storage, organisation }) {
    const [{ postings, allocations }, memberships] = await inSequence(
      () => storage.ledger.ledger(organisation.id, 'all'),
      () => storage.memberships.listForRuns(organisation.id),
    )
    const numbers = new Map(memberships.map((m) => [m.id, m.number]))
    const items = openItemsAt(postings, allocations, { ...query, includeCredits: true })
    return { items: items.map((i) => ({ ...i, membershipNumber: numbers.get(i.membershipId) ?? 0 })) }
  },

  async balanceList({ query }, { storage, organisation }) {
    const [memberships, balances] = await inSequence(
      () => storage.memberships.listForRuns(organisation.id),
      () => storage.ledger.balances(organisation.id),
    )
    const rows = memberships.map((m) => ({
      membershipId: m.id,
      membershipNumber: m.number,
      paymentMethod: m.paymentMethod,
      balance: balances.get(m.id) ?? 0,
    }))
    return { items: filterBalanceList(rows, query) }
  },

  async statementCsv({ params }, context) {
    await mustGetMembership(context, params.membershipId)
    return statementCsv(await context.storage.ledger.postingViews(context.organisation.id, { membershipId: params.membershipId }))
  },

  async statementXlsx({ params }, context) {
    const membership = await mustGetMembership(context, params.membershipId)
    const postings = await context.storage.ledger.postingViews(context.organisation.id, { membershipId: params.membershipId })
    return statementXlsx(postings, `Kontoauszug ${membership.number}`)
  },

  async previewWriteOff({ body }, { storage, organisation, today }) {
    const plan = await writeOffPlan(storage, organisation.id, body, today)
    return { ...plan, items: [...plan.items] }
  },

  writeOff: ({ body }, { storage, organisation, today }) =>
    storage.transaction(async (tx) => {
      await tx.organisations.getForUpdate(organisation.id)
      const existing = await findAppliedRun(tx, organisation.id, 'write-off', body.idempotencyKey, body.criteria)
      if (existing) return { runId: existing.id, count: existing.summary.count ?? 0, total: existing.summary.total ?? 0 }
      const plan = await writeOffPlan(tx, organisation.id, body.criteria, today)
      if (plan.idempotencyKey !== body.idempotencyKey) {
        throw new VereinskitError('RUN_PLAN_CHANGED', 'The open items changed since the preview; preview the write-off again.')
      }
      const run = await tx.runs.create(organisation.id, {
        kind: 'write-off',
        idempotencyKey: plan.idempotencyKey,
        asOf: today,
        parameters: body.criteria,
        summary: { count: plan.count, total: plan.total },
      })
      const credits = await tx.ledger.insertPostings(
        organisation.id,
        plan.items.map((item) =>
          postingRow({
            membershipId: item.membershipId,
            accountId: item.accountId,
            date: today,
            amount: item.amount,
            text: 'Ausbuchung',
            kind: 'write-off',
            runId: run.id,
            createdBy: `write-off:${run.id}`,
          }),
        ),
      )
      await tx.ledger.insertAllocations(
        organisation.id,
        plan.items.map((item, i) => ({ creditId: credits[i]!.id, debitId: item.debitId, amount: item.amount, allocatedOn: today })),
        'write-off',
      )
      return { runId: run.id, count: plan.count, total: plan.total }
    }),
}
