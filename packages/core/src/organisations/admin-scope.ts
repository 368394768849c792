import type { ModulePermissions } from './module-permission'

/** An administrator record of one organisation (Administrator), identified across organisations by login e-mail. */
export interface AdministratorRecord {
  readonly id: string
  readonly organisationId: string
  readonly loginEmail: string
  readonly permissions: ModulePermissions
}

/** Login e-mails compare without case and surrounding space. */
export function sameLogin(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** Why a switch into another organisation was refused. */
export type SwitchVerdict =
  | { readonly allowed: true; readonly administrator: AdministratorRecord }
  | { readonly allowed: false; readonly reason: 'not-a-child' | 'no-admin-record' }

/**
 * Switching from a parent into a connected organisation ("Alle Abteilungen", UMB-18, UMB-19): the target must be a
 * child of the organisation the admin is in, and must have its own admin record with the same login e-mail. The
 * rights are the target record's, never the parent's.
 */
export function checkSwitch(input: {
  readonly from: AdministratorRecord
  readonly targetParentId: string | null
  readonly targetAdministrators: readonly AdministratorRecord[]
}): SwitchVerdict {
  if (input.targetParentId !== input.from.organisationId) return { allowed: false, reason: 'not-a-child' }
  const record = input.targetAdministrators.find((a) => sameLogin(a.loginEmail, input.from.loginEmail))
  return record ? { allowed: true, administrator: record } : { allowed: false, reason: 'no-admin-record' }
}
