import { VereinskitError, sumCents } from '@vereinskit/core'
import {
  allocationDate,
  assertAllocationFits,
  assertCreditDeletable,
  balanceOf,
  assertDebitDeletable,
  assertDebitWithCashAccounts,
  assertOnlyEditableFields,
  filterBalanceList,
  ledgerState,
  manualPostingKind,
  openItemsAt,
  planReversal,
  planReversalAllocations,
  resolveQuickBooking,
} from '@vereinskit/core/ledger'
import type { contract } from '@vereinskit/core/contract'
import { inSequence } from '../../storage/in-sequence'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { settleAccounts } from '../ledger/settle-accounts'
import { postingRow } from '../ledger/posting-row'
import { applyRun } from '../../runs/apply-run'
import { postingView } from './posting-view'
import { planWriteOffFor, writeOffRunKind } from './write-off-run-kind'
import { assertBalancesInRange } from '../ledger/assert-balances-in-range'
import { statementCsv, statementXlsx } from '../../exports/statement'
import type { OrganisationStorage } from '../../storage/organisation-storage'

async function mustGetMembership({ storage, organisation }: HandlerContext, membershipId: string) {
  const membership = await storage.memberships.get(membershipId)
  if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', membershipId)
  return membership
}

async function mustGetAccount(storage: OrganisationStorage, accountId: string) {
  const account = (await storage.finance.listAccounts()).find((a) => a.id === accountId)
  if (!account) throw new VereinskitError('ACCOUNT_NOT_FOUND', `Account ${accountId} does not exist.`)
  return account
}

async function mustGetPosting(storage: OrganisationStorage, postingId: string, forUpdate = false) {
  const posting = await storage.ledger.getPosting(postingId, { forUpdate })
  if (!posting) throw new VereinskitError('POSTING_NOT_FOUND', `Posting ${postingId} does not exist.`)
  return posting
}

async function view(storage: OrganisationStorage, postingId: string) {
  const [posting] = await storage.ledger.postingDetails({ ids: [postingId] })
  return postingView(posting!)
}

/** Member accounts: postings, reversals, allocations, lists and exports. */
export const ledgerHandlers: RouteHandlers<typeof contract.ledger> = {
  async account({ params }, context) {
    await mustGetMembership(context, params.membershipId)
    const postings = (await context.storage.ledger.postingDetails({ membershipId: params.membershipId })).map(postingView)
    return { balance: balanceOf(postings), postings }
  },

  async post({ params, body }, context) {
    const { storage, organisation, actor } = context
    await mustGetMembership(context, params.membershipId)
    return storage.transaction(async (tx) => {
      const account = await mustGetAccount(tx, body.accountId)
      const [created] = await tx.ledger.insertPostings([
        postingRow({
          membershipId: params.membershipId,
          accountId: account.id,
          date: body.date,
          amount: body.amount,
          text: body.text ?? account.name,
          documentNumber: body.documentNumber ?? null,
          kind: manualPostingKind(body.amount),
          createdBy: actor,
        }),
      ])
      await assertBalancesInRange(tx, [params.membershipId])
      await settleAccounts(tx, [params.membershipId])
      return view(tx, created!.id)
    })
  },

  async edit({ params, body }, { storage, organisation }) {
    const posting = await mustGetPosting(storage, params.postingId)
    const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
    assertOnlyEditableFields(posting.id, changes)
    await storage.ledger.updatePosting(posting.id, changes as { text?: string; documentNumber?: string | null })
    return view(storage, posting.id)
  },

  reverse: ({ params, body }, { storage, organisation, today, actor }) =>
    storage.transaction(async (tx) => {
      const original = await mustGetPosting(tx, params.postingId, true)
      const plan = planReversal(original, body.date ?? today, await tx.ledger.isReversed(original.id))
      const [reversal] = await tx.ledger.insertPostings([
        postingRow({ membershipId: original.membershipId, ...plan, kind: 'reversal', createdBy: actor }),
      ])
      const change = planReversalAllocations(original, reversal!.id, plan.date, await tx.ledger.allocationsOf(original.id))
      await tx.ledger.deleteAllocations(change.remove)
      await tx.ledger.insertAllocations(change.add, 'reversal')
      await settleAccounts(tx, [original.membershipId])
      return view(tx, reversal!.id)
    }),

  remove: ({ params }, { storage, organisation }) =>
    storage.transaction(async (tx) => {
      const posting = await mustGetPosting(tx, params.postingId, true)
      if (posting.amount > 0) assertCreditDeletable(posting, await tx.ledger.isReversed(posting.id))
      else assertDebitDeletable(posting, await tx.ledger.usage(posting.id))
      await tx.ledger.deletePosting(posting.id)
      // The debits a deleted credit settled are open again; other credit waiting for allocation may settle them.
      if (posting.amount > 0) await settleAccounts(tx, [posting.membershipId])
      return { deleted: true as const }
    }),

  async allocations({ params }, { storage, organisation }) {
    const posting = await mustGetPosting(storage, params.postingId)
    return { items: await storage.ledger.allocationsOf(posting.id) }
  },

  reallocate: ({ params, body }, { storage, organisation }) =>
    storage.transaction(async (tx) => {
      const credit = await mustGetPosting(tx, params.postingId, true)
      const { postings, allocations } = await tx.ledger.ledger([credit.membershipId])
      const others = allocations.filter((a) => a.creditId !== credit.id)
      const state = ledgerState(postings, others, () => 0)
      const debits = new Map(
        state.openDebits.map((d) => [d.id, { posting: postings.find((p) => p.id === d.id)!, openWithoutThisCredit: d.open }]),
      )
      assertAllocationFits(credit, body.parts, debits)
      await tx.ledger.deleteAllocationsOfCredit(credit.id)
      await tx.ledger.insertAllocations(
        body.parts.map((part) => {
          const debitDate = debits.get(part.debitId)!.posting.date
          return {
            creditId: credit.id,
            debitId: part.debitId,
            amount: part.amount,
            allocatedOn: allocationDate(credit.date, debitDate),
          }
        }),
        'manual',
      )
      return { items: await tx.ledger.allocationsOf(credit.id) }
    }),

  async debitWithCashCredit({ params, body }, context) {
    const { storage, organisation, actor } = context
    await mustGetMembership(context, params.membershipId)
    return storage.transaction(async (tx) => {
      const debitAccount = await mustGetAccount(tx, body.debitAccountId)
      const creditAccount = await mustGetAccount(tx, body.creditAccountId)
      assertDebitWithCashAccounts(debitAccount, creditAccount)
      const common = { membershipId: params.membershipId, date: body.date, documentNumber: body.documentNumber ?? null, createdBy: actor }
      const [debit, credit] = await tx.ledger.insertPostings([
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
      await assertBalancesInRange(tx, [params.membershipId])
      await tx.ledger.insertAllocations([{ creditId: credit!.id, debitId: debit!.id, amount: body.amount, allocatedOn: body.date }], 'cash')
      return { debit: await view(tx, debit!.id), credit: await view(tx, credit!.id) }
    })
  },

  quickBooking: ({ body }, { storage, organisation, actor }) =>
    storage.transaction(async (tx) => {
      const account = await mustGetAccount(tx, body.accountId)
      const ids = await tx.memberships.idsByNumbers(body.entries.map((e) => e.membershipNumber))
      const entries = resolveQuickBooking(body, ids)
      await tx.ledger.insertPostings(
        entries.map((e) =>
          postingRow({
            membershipId: e.membershipId,
            accountId: account.id,
            date: body.date,
            amount: e.amount,
            text: body.text,
            documentNumber: body.documentNumber ?? null,
            kind: manualPostingKind(e.amount),
            createdBy: `${actor} (quick booking)`,
          }),
        ),
      )
      await assertBalancesInRange(
        tx,
        entries.map((e) => e.membershipId),
      )
      await settleAccounts(
        tx,
        entries.map((e) => e.membershipId),
      )
      return { count: entries.length, total: sumCents(entries.map((e) => e.amount)) }
    }),

  async openItems({ query }, { storage, organisation }) {
    const [{ postings, allocations }, memberships] = await inSequence(
      () => storage.ledger.ledger('all'),
      () => storage.memberships.listForRuns(),
    )
    const numbers = new Map(memberships.map((m) => [m.id, m.number]))
    const items = openItemsAt(postings, allocations, { ...query, includeCredits: true })
    return { items: items.map((i) => ({ ...i, membershipNumber: numbers.get(i.membershipId) ?? 0 })) }
  },

  async balanceList({ query }, { storage, organisation }) {
    const [memberships, balances] = await inSequence(
      () => storage.memberships.listForRuns(),
      () => storage.ledger.balances(),
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
    return statementCsv((await context.storage.ledger.postingDetails({ membershipId: params.membershipId })).map(postingView))
  },

  async statementXlsx({ params }, context) {
    const membership = await mustGetMembership(context, params.membershipId)
    const postings = (await context.storage.ledger.postingDetails({ membershipId: params.membershipId })).map(postingView)
    return statementXlsx(postings, `Kontoauszug ${membership.number}`)
  },

  async previewWriteOff({ body }, { storage, today }) {
    const plan = await planWriteOffFor(storage, body, today)
    return { ...plan, items: [...plan.items] }
  },

  writeOff: async ({ body }, context) => {
    const run = await applyRun(context.storage, writeOffRunKind, body.criteria, body.idempotencyKey, context)
    return { runId: run.id, count: run.summary.count, total: run.summary.total }
  },
}
