import { ValidationError, VereinskitError } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { checkAttach, checkSwitch, fullAccess, AdminModule } from '@vereinskit/core/organisations'
import { UmbrellaLinkOptions } from '@vereinskit/core/sync'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { generateApiKey, hashApiKey } from '../../auth/api-key'
import type { NamedAdministrator, StructureNodeRecord } from './structure-store'

type Routes = typeof contract.organisationStructure

/** A switched key lasts a working day. */
const switchedKeyHours = 8

export const childView = (c: StructureNodeRecord) => ({ id: c.id, name: c.name, options: c.syncOptions, paysOwnInvoice: c.paysOwnInvoice })

export const administratorView = (a: NamedAdministrator) => ({
  id: a.id,
  loginEmail: a.loginEmail,
  name: a.name,
  permissions: Object.fromEntries(AdminModule.options.map((m) => [m, a.permissions[m] ?? 'none'])) as Record<
    AdminModule,
    'none' | 'read' | 'read-write'
  >,
})

/** A child of this organisation, or ORGANISATION_NOT_CHILD. */
export async function requireChild(context: HandlerContext, childId: string): Promise<StructureNodeRecord> {
  const found = await context.storage.structure.nodeOf(childId)
  if (!found || found.parentId !== context.organisation.id) {
    throw new VereinskitError('ORGANISATION_NOT_CHILD', `That organisation is not a child of ${context.organisation.name}.`)
  }
  return found
}

function actingAdministrator(context: HandlerContext, what: string) {
  const administrator = context.access.administrator
  if (!administrator)
    throw new VereinskitError('ADMIN_SWITCH_DENIED', `${what} needs an administrator's key (an organisation key has no login e-mail).`)
  return administrator
}

export const structureHandlers: RouteHandlers<Routes> = {
  async structure(_, { storage }) {
    const self = await storage.structure.node()
    const parent = self.parentId ? await storage.structure.nodeOf(self.parentId) : undefined
    return {
      organisation: { id: self.id, name: self.name, structureKind: self.structureKind },
      parent: parent ? { id: parent.id, name: parent.name } : null,
      children: (await storage.structure.children()).map(childView),
    }
  },
  async createChild({ body }, context) {
    const administrator = context.access.administrator
    const first =
      body.administrator ?? (administrator && { loginEmail: administrator.loginEmail, name: (administrator as NamedAdministrator).name })
    if (!first) {
      throw new ValidationError([{ path: 'administrator', code: 'required', message: "Name the child's first administrator." }])
    }
    return context.storage.transaction(async (tx) => {
      await tx.structure.setStructureKind(body.structureKind)
      const created = await tx.structure.createChild(body.name)
      await tx.structure.addAdministrator({ ...first, permissions: fullAccess }, created.id)
      return childView(created)
    })
  },
  async attachChild({ params }, context) {
    const administrator = actingAdministrator(context, 'Attaching an organisation')
    const child = await context.storage.structure.nodeOf(params.childId)
    if (!child) throw new VereinskitError('ORGANISATION_NOT_FOUND', 'That organisation does not exist.')
    if (child.parentId !== null && child.parentId !== context.organisation.id) {
      throw new ValidationError([
        { path: 'childId', code: 'has-parent', message: `${child.name} belongs to another structure; detach it there first.` },
      ])
    }
    checkAttach(child.id, context.organisation.id, await context.storage.structure.treeNodes())
    const verdict = checkSwitch({
      from: administrator,
      targetParentId: context.organisation.id,
      targetAdministrators: await context.storage.structure.administrators(child.id),
    })
    if (!verdict.allowed)
      throw new VereinskitError('ADMIN_SWITCH_DENIED', `You are no administrator of ${child.name} with ${administrator.loginEmail}.`)
    await context.storage.structure.setParentOf(child.id, context.organisation.id)
    return childView((await context.storage.structure.nodeOf(child.id))!)
  },
  async detachChild({ params }, context) {
    const child = await requireChild(context, params.childId)
    return context.storage.transaction(async (tx) => {
      const membersKept = await tx.memberSyncs.releaseAllCopiesIn(child.id)
      await tx.structure.setParentOf(child.id, null)
      return { detached: child.id, membersKept }
    })
  },
  async setLinkOptions({ params, body }, context) {
    const child = await requireChild(context, params.childId)
    const options = UmbrellaLinkOptions.parse({ ...child.syncOptions, ...body.options })
    await context.storage.structure.setLinkOptions(child.id, options, body.paysOwnInvoice ?? child.paysOwnInvoice)
    return childView((await context.storage.structure.nodeOf(child.id))!)
  },
  async switchInto({ params }, context) {
    const administrator = actingAdministrator(context, 'Switching into a child')
    const child = await requireChild(context, params.childId)
    const verdict = checkSwitch({
      from: administrator,
      targetParentId: child.parentId,
      targetAdministrators: await context.storage.structure.administrators(child.id),
    })
    if (!verdict.allowed)
      throw new VereinskitError('ADMIN_SWITCH_DENIED', `You are no administrator of ${child.name} with ${administrator.loginEmail}.`)
    const apiKey = generateApiKey()
    const expiresAt = new Date(context.clock.now().getTime() + switchedKeyHours * 3_600_000)
    await context.storage.structure.issueKey({
      organisationId: child.id,
      keyHash: hashApiKey(apiKey),
      label: `switched from ${context.organisation.name}`,
      administratorId: verdict.administrator.id,
      switchedFromKeyId: context.access.apiKey!.id,
      expiresAt,
    })
    const record = (await context.storage.structure.administrators(child.id)).find((a) => a.id === verdict.administrator.id)!
    return { organisationId: child.id, apiKey, expiresAt: expiresAt.toISOString(), administrator: administratorView(record) }
  },
  async logout(_, context) {
    const key = context.access.apiKey
    return { returnTo: key ? await context.storage.structure.endSwitchedKey(key.id, context.clock.now()) : null }
  },
  async administrators(_, { storage }) {
    return { items: (await storage.structure.administrators()).map(administratorView) }
  },
  async addAdministrator({ body }, { storage }) {
    return administratorView(await storage.structure.addAdministrator(body))
  },
  async updateAdministrator({ params, body }, { storage }) {
    if (!(await storage.structure.updateAdministrator(params.administratorId, body))) {
      throw new VereinskitError('ADMINISTRATOR_NOT_FOUND', `Administrator ${params.administratorId} does not exist here.`)
    }
    return administratorView((await storage.structure.getAdministrator(params.administratorId))!)
  },
  async issueAdministratorKey({ params, body }, context) {
    const found = await context.storage.structure.getAdministrator(params.administratorId)
    if (!found) throw new VereinskitError('ADMINISTRATOR_NOT_FOUND', `Administrator ${params.administratorId} does not exist here.`)
    const apiKey = generateApiKey()
    await context.storage.structure.issueKey({
      organisationId: context.organisation.id,
      keyHash: hashApiKey(apiKey),
      label: body.label,
      administratorId: found.id,
    })
    return { apiKey }
  },
}
