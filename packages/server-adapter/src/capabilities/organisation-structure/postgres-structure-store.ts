import { sql } from 'drizzle-orm'
import { UmbrellaLinkOptions } from '@vereinskit/core/sync'
import type { ModulePermissions, StructureKind } from '@vereinskit/core/organisations'
import type { Database } from '../../storage/database'
import { refusingDuplicates, rowsOf } from '../../storage/rows'
import { isUuid } from '../../storage/uuid'
import type { NamedAdministrator, StructureNodeRecord, StructureStore } from './structure-store'

type NodeRow = {
  id: string
  name: string
  parent_id: string | null
  structure_kind: StructureKind | null
  sync_options: unknown
  pays_own_invoice: boolean
}
type AdminRow = { id: string; organisation_id: string; login_email: string; name: string; permissions: ModulePermissions }

const node = (r: NodeRow): StructureNodeRecord => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  structureKind: r.structure_kind,
  syncOptions: UmbrellaLinkOptions.parse(r.sync_options ?? {}),
  paysOwnInvoice: r.pays_own_invoice,
})
const admin = (r: AdminRow): NamedAdministrator => ({
  id: r.id,
  organisationId: r.organisation_id,
  loginEmail: r.login_email,
  name: r.name,
  permissions: r.permissions,
})
const nodeColumns = sql`id, name, parent_id, structure_kind, sync_options, pays_own_invoice`

/** The organisation tree and administrators in PostgreSQL. */
export function createStructureStore(db: Database, organisationId: string): StructureStore {
  const nodes = async (where: ReturnType<typeof sql>) =>
    (await rowsOf<NodeRow>(db, sql`select ${nodeColumns} from organisations where ${where} order by name, id`)).map(node)
  return {
    async node() {
      return (await nodes(sql`id = ${organisationId}`))[0]!
    },
    async nodeOf(id) {
      if (!isUuid(id)) return undefined
      return (await nodes(sql`id = ${id}`))[0]
    },
    children: () => nodes(sql`parent_id = ${organisationId}`),
    async treeNodes() {
      const rows = await rowsOf<{ id: string; parent_id: string | null }>(
        db,
        sql`with recursive up(id, parent_id) as (
              select id, parent_id from organisations where id = ${organisationId}
              union select o.id, o.parent_id from organisations o join up on o.id = up.parent_id),
            root as (select id from up where parent_id is null),
            down(id, parent_id) as (
              select id, parent_id from organisations where id in (select id from root)
              union select o.id, o.parent_id from organisations o join down on o.parent_id = down.id)
            select id, parent_id from down`,
      )
      return rows.map((r) => ({ id: r.id, parentId: r.parent_id }))
    },
    async createChild(name) {
      const [row] = await rowsOf<NodeRow>(
        db,
        sql`insert into organisations (name, creditor_id, membership_number_from, membership_number_to, mandate_reference_prefix,
                                       time_zone, parent_id)
            select ${name}, creditor_id, membership_number_from, membership_number_to, mandate_reference_prefix, time_zone, id
              from organisations where id = ${organisationId}
            returning ${nodeColumns}`,
      )
      return node(row!)
    },
    async setParentOf(childId, parentId) {
      await db.execute(sql`update organisations set parent_id = ${parentId}, sync_options = '{}'::jsonb where id = ${childId}`)
    },
    async setStructureKind(kind) {
      await db.execute(sql`update organisations set structure_kind = coalesce(structure_kind, ${kind}) where id = ${organisationId}`)
    },
    async setLinkOptions(childId, options, paysOwnInvoice) {
      await db.execute(sql`update organisations set sync_options = ${JSON.stringify(options)}::jsonb, pays_own_invoice = ${paysOwnInvoice}
        where id = ${childId} and parent_id = ${organisationId}`)
    },
    async administrators(of = organisationId) {
      if (!isUuid(of)) return []
      return (await rowsOf<AdminRow>(db, sql`select * from administrators where organisation_id = ${of} order by lower(login_email)`)).map(
        admin,
      )
    },
    async getAdministrator(id) {
      if (!isUuid(id)) return undefined
      const [row] = await rowsOf<AdminRow>(db, sql`select * from administrators where organisation_id = ${organisationId} and id = ${id}`)
      return row && admin(row)
    },
    async addAdministrator(input, of = organisationId) {
      const [row] = await refusingDuplicates(`${input.loginEmail} is an administrator here already.`, () =>
        rowsOf<AdminRow>(
          db,
          sql`insert into administrators (organisation_id, login_email, name, permissions)
              values (${of}, ${input.loginEmail.trim()}, ${input.name}, ${JSON.stringify(input.permissions)}::jsonb) returning *`,
        ),
      )
      return admin(row!)
    },
    async updateAdministrator(id, changes) {
      if (!isUuid(id)) return false
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`update administrators set name = coalesce(${changes.name ?? null}, name),
              permissions = coalesce(${changes.permissions ? JSON.stringify(changes.permissions) : null}::jsonb, permissions)
             where organisation_id = ${organisationId} and id = ${id} returning id`,
      )
      return rows.length > 0
    },
    async issueKey(k) {
      await db.execute(sql`insert into api_keys (organisation_id, key_hash, label, administrator_id, switched_from_key_id, expires_at)
        values (${k.organisationId}, ${k.keyHash}, ${k.label}, ${k.administratorId}, ${k.switchedFromKeyId ?? null},
                ${k.expiresAt?.toISOString() ?? null}::timestamptz)`)
    },
    async endSwitchedKey(keyId, at) {
      const [row] = await rowsOf<{ returns_to: string | null }>(
        db,
        sql`update api_keys k set revoked_at = ${at.toISOString()}::timestamptz
             where k.id = ${keyId} and k.organisation_id = ${organisationId} and k.switched_from_key_id is not null
         returning (select p.organisation_id from api_keys p where p.id = k.switched_from_key_id) as returns_to`,
      )
      return row?.returns_to ?? null
    },
  }
}
