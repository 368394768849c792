import * as z from 'zod'
import { AdminModule, ModuleAccess, ModulePermissions } from '../organisations/module-permission'
import { UmbrellaLinkOptions } from '../sync/umbrella-link'
import { IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

/** A child organisation in the parent's overview ("Alle Abteilungen", UMB-06). */
export const ChildOrganisationView = z.object({
  id: IdSchema,
  name: z.string(),
  options: UmbrellaLinkOptions,
  /** Whether the child pays its own licence invoice (UMB-23). */
  paysOwnInvoice: z.boolean(),
})

export const StructureView = z.object({
  organisation: z.object({
    id: IdSchema,
    name: z.string(),
    structureKind: z.enum(['umbrella', 'multi-division']).nullable(),
  }),
  parent: z.object({ id: IdSchema, name: z.string() }).nullable(),
  children: z.array(ChildOrganisationView),
})

export const NewChildOrganisation = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Set on the parent when it becomes the top of a structure. */
  structureKind: z.enum(['umbrella', 'multi-division']).default('umbrella'),
  /**
   * The child's first administrator. With an administrator's key it defaults to that administrator's login e-mail,
   * so they can switch into the new child at once (UMB-04).
   */
  administrator: z.strictObject({ loginEmail: z.email().max(254), name: z.string().trim().min(1).max(200) }).optional(),
})

export const LinkOptionsInput = z.strictObject({
  options: UmbrellaLinkOptions.partial().optional(),
  paysOwnInvoice: z.boolean().optional(),
})

export const AdministratorView = z.object({
  id: IdSchema,
  loginEmail: z.string(),
  name: z.string(),
  permissions: z.record(AdminModule, ModuleAccess),
})

export const AdministratorInput = z.strictObject({
  loginEmail: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  permissions: ModulePermissions.default({}),
})

export const SwitchResult = z.object({
  organisationId: IdSchema,
  /** A key for the child, acting as the administrator's record there; shown once, it expires. */
  apiKey: z.string(),
  expiresAt: TimestampSchema,
  administrator: AdministratorView,
})

const path = '/organisations/:organisationId'
const child = `${path}/children/:childId`

/** Organisation structures: the tree, the links and their options, administrators and switching between them. */
export const organisationStructureRoutes = {
  structure: defineRoute({
    method: 'GET',
    path: `${path}/structure`,
    access: 'staff',
    summary: 'This organisation, its parent and its children with their link options.',
    response: StructureView,
    errors: [],
  }),
  createChild: defineRoute({
    method: 'POST',
    path: `${path}/children`,
    access: 'staff',
    status: 201,
    summary: 'Create a child organisation (member club, division) below this one, with its first administrator.',
    body: NewChildOrganisation,
    response: ChildOrganisationView,
    errors: [],
  }),
  attachChild: defineRoute({
    method: 'POST',
    path: `${child}/attachment`,
    access: 'staff',
    summary: 'Place an existing organisation below this one; you need an administrator record in both.',
    response: ChildOrganisationView,
    errors: ['ORGANISATION_NOT_FOUND', 'ORGANISATION_TREE_CYCLE', 'ADMIN_SWITCH_DENIED'],
  }),
  detachChild: defineRoute({
    method: 'DELETE',
    path: child,
    access: 'staff',
    summary: 'Take a child out of the structure; its synced members stay as its own, unlocked records.',
    response: z.object({ detached: IdSchema, membersKept: z.number().int() }),
    errors: ['ORGANISATION_NOT_CHILD'],
  }),
  setLinkOptions: defineRoute({
    method: 'PUT',
    path: `${child}/options`,
    access: 'staff',
    summary: 'Set the sync options of the link to a child (all off is standard sync) and who pays its licence.',
    body: LinkOptionsInput,
    response: ChildOrganisationView,
    errors: ['ORGANISATION_NOT_CHILD'],
  }),
  switchInto: defineRoute({
    method: 'POST',
    path: `${child}/switch`,
    access: 'staff',
    summary: "Switch into a child as your administrator record there (same login e-mail); the child's rights apply.",
    response: SwitchResult,
    errors: ['ORGANISATION_NOT_CHILD', 'ADMIN_SWITCH_DENIED'],
  }),
  logout: defineRoute({
    method: 'POST',
    path: `${path}/logout`,
    access: 'staff',
    summary: 'End a switched session: the key is revoked and the answer names the parent to return to.',
    response: z.object({ returnTo: IdSchema.nullable() }),
    errors: [],
  }),
  administrators: defineRoute({
    method: 'GET',
    path: `${path}/administrators`,
    access: 'staff',
    summary: "This organisation's administrators and their rights per module.",
    response: z.object({ items: z.array(AdministratorView) }),
    errors: [],
  }),
  addAdministrator: defineRoute({
    method: 'POST',
    path: `${path}/administrators`,
    access: 'staff',
    status: 201,
    summary: 'Record an administrator with rights per module (none, read, read-write).',
    body: AdministratorInput,
    response: AdministratorView,
    errors: ['DUPLICATE_NAME'],
  }),
  updateAdministrator: defineRoute({
    method: 'PATCH',
    path: `${path}/administrators/:administratorId`,
    access: 'staff',
    summary: "Change an administrator's name or rights.",
    body: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), permissions: ModulePermissions.optional() }),
    response: AdministratorView,
    errors: ['ADMINISTRATOR_NOT_FOUND'],
  }),
  issueAdministratorKey: defineRoute({
    method: 'POST',
    path: `${path}/administrators/:administratorId/api-keys`,
    access: 'staff',
    status: 201,
    summary: 'Issue an API key acting as the administrator (shown once).',
    body: z.strictObject({ label: z.string().trim().min(1).max(100) }),
    response: z.object({ apiKey: z.string() }),
    errors: ['ADMINISTRATOR_NOT_FOUND'],
  }),
}
