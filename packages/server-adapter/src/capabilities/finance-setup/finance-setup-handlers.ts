import { VereinskitError, ValidationError, fieldIssuesFromZod } from '@vereinskit/core'
import { checkPrivacyNotice } from '@vereinskit/core/applications'
import { PaymentPlan, checkFeeClass, isGroupOffered, type FeeClass } from '@vereinskit/core/fees'
import type { contract } from '@vereinskit/core/contract'
import { inSequence } from '../../storage/in-sequence'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'

type FinanceContract = Pick<typeof contract, 'accounts' | 'paymentPlans' | 'feeClasses' | 'feeClassGroups' | 'settings'>

async function catalogue({ storage, organisation }: HandlerContext) {
  const [accounts, plans, feeClasses] = await inSequence(
    () => storage.finance.listAccounts(),
    () => storage.finance.listPlans(),
    () => storage.finance.listFeeClasses(),
  )
  return { accounts, plans, feeClasses }
}

async function groupViews(context: HandlerContext) {
  const { storage, organisation, today } = context
  const [groups, items, feeClasses] = await inSequence(
    () => storage.feeClassGroups.list(),
    () => storage.finance.listGroupItems(),
    () => storage.finance.listFeeClasses(),
  )
  return groups.map((g) => {
    const own = items.filter((i) => i.groupId === g.id).map(({ feeClassId, amount }) => ({ feeClassId, amount }))
    return {
      id: g.id,
      name: g.name,
      description: g.description,
      isDefault: g.isDefault,
      offeredOnline: g.offeredOnline,
      items: own,
      offeredToday: isGroupOffered({ items: own }, feeClasses, today),
    }
  })
}

/** Accounts, payment plans, fee classes, fee-class groups and club settings. */
export const financeSetupHandlers: RouteHandlers<FinanceContract> = {
  accounts: {
    list: async (_, { storage, organisation }) => ({ items: await storage.finance.listAccounts() }),
    async create({ body }, { storage, organisation }) {
      if (body.type === 'cash' && body.receivableKind !== null) {
        throw new ValidationError([
          { path: 'receivableKind', code: 'cash-account', message: 'Cash and bank accounts have no receivable kind.' },
        ])
      }
      return storage.finance.createAccount(body)
    },
  },
  paymentPlans: {
    list: async (_, { storage, organisation }) => ({ items: await storage.finance.listPlans() }),
    create: ({ body }, { storage, organisation }) => storage.finance.createPlan(body),
    // Charged periods stay charged: the charge run compares each year with what was charged already (0002).
    async update({ params, body }, { storage, organisation }) {
      const current = (await storage.finance.listPlans()).find((p) => p.id === params.paymentPlanId)
      if (!current) throw new VereinskitError('PAYMENT_PLAN_NOT_FOUND', `Payment plan ${params.paymentPlanId} does not exist.`)
      const next = PaymentPlan.safeParse({ ...current, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) })
      if (!next.success) throw new ValidationError(fieldIssuesFromZod(next.error, body))
      return (await storage.finance.updatePlan(next.data))!
    },
  },
  feeClasses: {
    list: async (_, { storage, organisation }) => ({ items: await storage.finance.listFeeClasses() }),
    async create({ body }, context) {
      const candidate: FeeClass = { id: 'new', ...body }
      const issues = checkFeeClass(candidate, await catalogue(context))
      if (issues.length > 0) throw new ValidationError(issues)
      return context.storage.finance.createFeeClass(body)
    },
    async update({ params, body }, context) {
      const all = await catalogue(context)
      const current = all.feeClasses.find((c) => c.id === params.feeClassId)
      if (!current) throw new VereinskitError('FEE_CLASS_NOT_FOUND', `Fee class ${params.feeClassId} does not exist.`)
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as typeof body
      const issues = checkFeeClass({ ...current, ...changes }, all)
      if (issues.length > 0) throw new ValidationError(issues)
      return (await context.storage.finance.updateFeeClass(current.id, changes))!
    },
  },
  feeClassGroups: {
    list: async (_, context) => ({ items: await groupViews(context) }),
    async create({ body }, context) {
      const { storage, organisation } = context
      const privacy = checkPrivacyNotice(
        { offeringOnline: body.offeredOnline === true, privacyNoticeUrl: organisation.privacyNoticeUrl },
        'offeredOnline',
      )
      if (privacy.length > 0) throw new ValidationError(privacy)
      const created = await storage.transaction(async (tx) => {
        const group = await tx.feeClassGroups.create({
          name: body.name,
          description: body.description,
          isDefault: body.isDefault,
          offeredOnline: body.offeredOnline,
        })
        await tx.finance.setGroupItems(group.id, body.items)
        return group
      })
      return (await groupViews(context)).find((g) => g.id === created.id)!
    },
    async update({ params, body }, context) {
      const { storage, organisation } = context
      const privacy = checkPrivacyNotice(
        { offeringOnline: body.offeredOnline === true, privacyNoticeUrl: organisation.privacyNoticeUrl },
        'offeredOnline',
      )
      if (privacy.length > 0) throw new ValidationError(privacy)
      await storage.transaction(async (tx) => {
        const { items, ...changes } = body
        if (!(await tx.feeClassGroups.update(params.groupId, changes))) {
          throw new VereinskitError('NOT_FOUND', `Fee-class group ${params.groupId} does not exist.`)
        }
        if (items) await tx.finance.setGroupItems(params.groupId, items)
      })
      return (await groupViews(context)).find((g) => g.id === params.groupId)!
    },
  },
  settings: {
    get: async (_, { storage, organisation }) => ({
      ...(await storage.finance.getSettings()),
      websiteOrigins: [...organisation.websiteOrigins],
      privacyNoticeUrl: organisation.privacyNoticeUrl,
    }),
    update: ({ body }, { storage, organisation }) =>
      storage.transaction(async (tx) => {
        const { websiteOrigins, privacyNoticeUrl, ...club } = body
        if (privacyNoticeUrl !== undefined) {
          const offeringOnline = (await tx.feeClassGroups.list()).some((g) => g.offeredOnline)
          const privacy = checkPrivacyNotice({ offeringOnline, privacyNoticeUrl }, 'privacyNoticeUrl')
          if (privacy.length > 0) throw new ValidationError(privacy)
        }
        const settings = await tx.finance.updateSettings(Object.fromEntries(Object.entries(club).filter(([, v]) => v !== undefined)))
        const website = await tx.organisation.updateWebsite({ websiteOrigins, privacyNoticeUrl })
        return { ...settings, websiteOrigins: [...website.websiteOrigins], privacyNoticeUrl: website.privacyNoticeUrl }
      }),
  },
}
