import * as z from 'zod'

/**
 * The modules an admin group grants rights for (Module der Admingruppe). Every staff route belongs to exactly one;
 * the contract maps them (`moduleOfRoute`).
 */
export const AdminModule = z.enum([
  'members',
  'finance',
  'dunning',
  'direct-debit',
  'bank-import',
  'correspondence',
  'appointments',
  'organisation',
])
export type AdminModule = z.infer<typeof AdminModule>

/** A right per module (UMB-16): forbidden, read, or read/write (verboten, lesend, lesend/schreibend). */
export const ModuleAccess = z.enum(['none', 'read', 'read-write'])
export type ModuleAccess = z.infer<typeof ModuleAccess>

/** What an admin group grants: one setting per module; a module not named is forbidden. */
export const ModulePermissions = z.partialRecord(AdminModule, ModuleAccess)
export type ModulePermissions = z.infer<typeof ModulePermissions>

/** Every module read/write: what an organisation API key (and the organisation's first admin group) holds. */
export const fullAccess: Readonly<Record<AdminModule, ModuleAccess>> = Object.fromEntries(
  AdminModule.options.map((m) => [m, 'read-write']),
) as Record<AdminModule, ModuleAccess>

/** How a request uses its module. */
export type ModuleUse = 'read' | 'write'

/** The verdict of a permission check: allowed, or the code that refuses it. */
export type PermissionVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly code: 'MODULE_FORBIDDEN' | 'MODULE_READ_ONLY' }

/**
 * The one permission rule (UMB-16, UMB-20): `none` refuses everything, `read` allows reading only, `read-write`
 * allows both. Rights are never inherited from a parent organisation (UMB-19).
 */
export function checkModuleAccess(permissions: ModulePermissions, module: AdminModule, use: ModuleUse): PermissionVerdict {
  const access = permissions[module] ?? 'none'
  if (access === 'none') return { allowed: false, code: 'MODULE_FORBIDDEN' }
  if (use === 'write' && access === 'read') return { allowed: false, code: 'MODULE_READ_ONLY' }
  return { allowed: true }
}
