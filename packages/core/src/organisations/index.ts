/**
 * @module @vereinskit/core/organisations: organisation structures (Mandanten): the tree of umbrella and member clubs
 * or main club and divisions, administrators across organisations and the switch between them, the one
 * per-module permission rule (none / read / read-write), and the licence totals of a structure.
 */
export { AdminModule, ModuleAccess, ModulePermissions, fullAccess, checkModuleAccess } from './module-permission'
export type { ModuleUse, PermissionVerdict } from './module-permission'
export { ancestorsOf, childrenOf, checkAttach } from './organisation-tree'
export type { OrganisationNode, StructureKind } from './organisation-tree'
export { checkSwitch, sameLogin } from './admin-scope'
export type { AdministratorRecord, SwitchVerdict } from './admin-scope'
export { parentLicenceIsFree, umbrellaLicenceTotal, multiDivisionTotals, multiDivisionLicenceTotal } from './structure-licence'
export type { UmbrellaLicenceInput, DivisionCount } from './structure-licence'
