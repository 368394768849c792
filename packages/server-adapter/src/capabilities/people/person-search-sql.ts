import { sql, type SQL } from 'drizzle-orm'
import type { CompiledSearch, TextSearchField } from '@vereinskit/core/people'
import type { AdvancedFilters } from '@vereinskit/core/contract'
import { connectedTo } from './person-connections'
import type { SearchRun } from './people-store'

const columns: Record<TextSearchField, string> = {
  lastName: 'last_name',
  firstName: 'first_name',
  company: 'company',
  street: 'street',
  city: 'city',
}

/** The phone digits as one indexed expression (migration 0009): digits cannot match across the `|`. */
export const phoneDigits = sql.raw(
  `(vk_digits(coalesce(p.phone_private, '')) || '|' || vk_digits(coalesce(p.phone_work, '')) || '|' || vk_digits(coalesce(p.phone_mobile, '')))`,
)

/** `abc%`: literal text, then one trailing `%` (an escaped `\%` or `\_` is literal). */
function isPrefixPattern(pattern: string): boolean {
  return /^(?:[^\\%_]|\\.)*%$/.test(pattern)
}

/**
 * A text field's condition, exactly core's `likeMatches(fold(v), pattern) || likeMatches(foldSs(v), ssPattern)`:
 * the `ss` spelling of a value with `ß` is read through the partial index on `vk_fold_ss`; for a value without
 * `ß` both spellings are the same, so the `ss` pattern is tried on `vk_fold` (only needed when the input had `ß`).
 */
function textCondition(field: TextSearchField, pattern: string, ssPattern: string): SQL {
  const column = columns[field]
  // A plain prefix on the last name reads the btree index on `vk_fold(last_name) || ''` (migration 0009); every
  // other pattern reads the trigram index on `vk_fold(…)`. The two expressions are equal, only the index differs:
  // the planner would otherwise take the btree's prefix for `mül%er` too and read every `mül…`.
  const folded = sql.raw(field === 'lastName' && isPrefixPattern(pattern) ? `(vk_fold(p.${column}) || '')` : `vk_fold(p.${column})`)
  const hasEszett = sql.raw(`strpos(vk_fold(p.${column}), 'ß') > 0`)
  const parts = [sql`${folded} like ${pattern}`]
  // The `ss` spelling can only add matches when the pattern has an `s` or a `_` to meet the `ss`; without either,
  // whatever matches the `ss` spelling matches the `ß` one too (a `%` that takes `ss` takes `ß`).
  if (/[s_]/.test(ssPattern)) parts.push(sql`(${hasEszett} and ${sql.raw(`vk_fold_ss(p.${column})`)} like ${ssPattern})`)
  if (ssPattern !== pattern) parts.push(sql`(not ${hasEszett} and ${folded} like ${ssPattern})`)
  return sql`(${sql.join(parts, sql` or `)})`
}

function personConditions(organisationId: string, search: CompiledSearch): SQL[] {
  const where: SQL[] = search.text.map((t) => textCondition(t.field, t.pattern, t.ssPattern))
  if (search.phone !== null) where.push(sql`${phoneDigits} like ${search.phone}`)
  if (search.dateOfBirth !== null) where.push(sql`p.date_of_birth = ${search.dateOfBirth}`)
  if (search.personId !== null) where.push(sql`p.id = ${search.personId}::uuid`)
  if (search.mandateReference !== null) {
    where.push(
      sql`exists (select 1 from mandates md where md.organisation_id = ${organisationId} and md.person_id = p.id and upper(md.reference) = ${search.mandateReference})`,
    )
  }
  if (search.ibanPrefix !== null) {
    where.push(
      sql`exists (select 1 from mandates md where md.organisation_id = ${organisationId} and md.person_id = p.id and md.iban like ${`${search.ibanPrefix}%`})`,
    )
  }
  return where
}

function filterConditions(organisationId: string, f: AdvancedFilters, asOf: string): SQL[] {
  const where: SQL[] = []
  const has = sql`r.membership_id is not null`
  if (f.role) where.push(sql`r.role = ${f.role}`)
  if (f.state === 'archived') where.push(sql`r.archived_on is not null`)
  if (f.state === 'inactive') where.push(sql`(${has} and r.archived_on is null and r.ends_on < ${asOf}::date)`)
  if (f.state === 'active') where.push(sql`(${has} and r.archived_on is null and (r.ends_on is null or r.ends_on >= ${asOf}::date))`)
  if (f.feeClassId) {
    where.push(sql`exists (select 1 from fee_assignments fa where fa.organisation_id = ${organisationId} and fa.membership_id = r.membership_id
      and fa.fee_class_id = ${f.feeClassId}::uuid and fa.valid_from <= ${asOf}::date and (fa.valid_until is null or fa.valid_until >= ${asOf}::date))`)
  }
  if (f.paymentMethod) where.push(sql`r.payment_method = ${f.paymentMethod}`)
  const level = sql`coalesce((select ds.level from dunning_states ds where ds.organisation_id = ${organisationId} and ds.membership_id = r.membership_id), 0)`
  if (f.dunningLevelFrom !== undefined) where.push(sql`(${has} and ${level} >= ${f.dunningLevelFrom})`)
  if (f.dunningLevelTo !== undefined) where.push(sql`(${has} and ${level} <= ${f.dunningLevelTo})`)
  if (f.markers?.length) where.push(sql`r.markers @> ${`{${f.markers.map((m) => `"${m.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`)
  if (f.dataProtectionRequested !== undefined) where.push(sql`p.data_protection_requested = ${f.dataProtectionRequested}`)
  if (f.admissionBlocked !== undefined) where.push(sql`p.admission_blocked = ${f.admissionBlocked}`)
  if (f.addressInvalid !== undefined) {
    where.push(
      sql`(case when p.billing_address is null then p.postal_address_invalid else p.billing_address_invalid end) = ${f.addressInvalid}`,
    )
  }
  if (f.processingBlocked !== undefined) where.push(sql`r.processing_blocked = ${f.processingBlocked}`)
  if (f.joinedFrom) where.push(sql`r.joined_on >= ${f.joinedFrom}::date`)
  if (f.joinedTo) where.push(sql`r.joined_on <= ${f.joinedTo}::date`)
  if (f.leftFrom) where.push(sql`r.ends_on >= ${f.leftFrom}::date`)
  if (f.leftTo) where.push(sql`r.ends_on <= ${f.leftTo}::date`)
  if (f.bornFrom) where.push(sql`p.date_of_birth >= ${f.bornFrom}::date`)
  if (f.bornTo) where.push(sql`p.date_of_birth <= ${f.bornTo}::date`)
  const balance = sql`coalesce((select sum(po.amount) from postings po where po.organisation_id = ${organisationId}
    and po.membership_id = r.membership_id and po.date <= ${asOf}::date), 0)`
  if (f.balanceFrom !== undefined) where.push(sql`(${has} and ${balance} >= ${f.balanceFrom})`)
  if (f.balanceTo !== undefined) where.push(sql`(${has} and ${balance} <= ${f.balanceTo})`)
  return where
}

/**
 * The search as one statement: persons matching the standard fields and connected to the organisation, one row
 * per membership place (H from memberships, P/L from attachments) or one without, the advanced filters on top,
 * in core's order (`searchPersons`), `limit + 1` rows.
 */
export function personSearchQuery(organisationId: string, search: CompiledSearch, run: SearchRun): SQL {
  const where = [
    ...personConditions(organisationId, search),
    connectedTo(organisationId, sql`p.id`),
    ...(search.membershipNumber !== null ? [sql`r.number = ${search.membershipNumber}`] : []),
    ...(run.includeArchived ? [] : [sql`r.archived_on is null`]),
    ...filterConditions(organisationId, run.filters, run.asOf),
    ...(run.after
      ? [
          sql`(vk_fold(p.last_name) collate "C", vk_fold(p.first_name) collate "C", p.id::text collate "C", coalesce(r.number, -1),
               coalesce(r.membership_id::text, '') collate "C") > (${run.after.lastName} collate "C", ${run.after.firstName} collate "C",
               ${run.after.personId} collate "C", ${run.after.number}, ${run.after.membershipId} collate "C")`,
        ]
      : []),
  ]
  return sql`
    select p.id as person_id, p.last_name, p.first_name, p.company, p.street, p.postcode, p.city, p.date_of_birth::text as date_of_birth,
           r.membership_id, r.number::text as number, r.role,
           coalesce(r.ends_on < ${run.asOf}::date, false) as inactive, r.archived_on is not null as archived
      from persons p
      left join lateral (
        select m.id as membership_id, m.number, 'H' as role, m.joined_on, m.ends_on, m.archived_on, m.payment_method, m.markers, m.processing_blocked
          from memberships m where m.organisation_id = ${organisationId} and m.person_id = p.id
        union all
        select m.id, m.number, case when mp.role = 'partner' then 'P' else 'L' end, mp.joined_on, least(mp.left_on, m.ends_on),
               m.archived_on, m.payment_method, m.markers, m.processing_blocked
          from membership_persons mp join memberships m on m.organisation_id = mp.organisation_id and m.id = mp.membership_id
         where mp.organisation_id = ${organisationId} and mp.person_id = p.id
      ) r on true
     where ${sql.join(where, sql` and `)}
     order by vk_fold(p.last_name) collate "C", vk_fold(p.first_name) collate "C", p.id, coalesce(r.number, -1), coalesce(r.membership_id::text, '') collate "C"
     limit ${run.limit + 1}`
}
