import type { CalendarDate } from '@vereinskit/core'
import { IbanSchema } from '@vereinskit/core/contract'
import type { PersonChanges } from '@vereinskit/core/people'
import type { FieldChange, SyncRecord, SyncValue } from '@vereinskit/core/sync'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { changePerson } from '../people/change-person'
import { nextFreeMembershipNumber } from '../memberships/next-free-membership-number'

const genderBySalutation: Record<string, SyncValue> = { mr: 'male', ms: 'female', mx: 'diverse', none: null }
const salutationByGender: Record<string, 'mr' | 'ms' | 'mx'> = { male: 'mr', female: 'ms', diverse: 'mx' }

/** A member as the sync engine sees it, with what the dispatcher needs besides the fields. */
export interface LocalMember {
  readonly record: SyncRecord
  readonly personId: string
  /** Archived memberships count as deleted here: they are gone from the member list. */
  readonly deleted: boolean
}

/**
 * Loads a membership with its person and current mandate (the newest not terminated) as one flat record in the
 * sync engine's field names (`memberSyncFields` in core).
 */
export async function loadLocalMember(tx: OrganisationStorage, membershipId: string): Promise<LocalMember | undefined> {
  const found = await tx.memberDatabase.localMemberRow(membershipId)
  if (!found) return undefined
  const row = (column: string): SyncValue => found[column] ?? null
  const record: Record<string, SyncValue> = {
    firstName: row('first_name') || null,
    lastName: row('last_name') || null,
    title: row('title'),
    gender: genderBySalutation[String(row('salutation'))] ?? null,
    dateOfBirth: row('date_of_birth'),
    contributionLevel: row('membership_type'),
    street: row('street'),
    postcode: row('postcode'),
    city: row('city'),
    country: row('country'),
    phoneMobile: row('phone_mobile'),
    phonePrivate: row('phone_private'),
    email: row('email'),
    membershipNumber: String(row('number')),
    joinedOn: row('joined_on'),
    endsOn: row('ends_on'),
    paymentMethod: row('payment_method'),
    iban: row('iban'),
    bic: row('bic'),
    mandateReference: row('reference'),
    mandateSignedOn: row('mandate_signed_on'),
    accountHolder: row('account_holder'),
  }
  for (const key of Object.keys(record)) if (record[key] === null || record[key] === undefined) delete record[key]
  return { record, personId: String(row('person_id')), deleted: row('archived_on') !== null }
}

const personFieldOf: Record<string, keyof PersonChanges> = {
  firstName: 'firstName',
  lastName: 'lastName',
  title: 'title',
  dateOfBirth: 'dateOfBirth',
  phoneMobile: 'phoneMobile',
  phonePrivate: 'phonePrivate',
  email: 'email',
}
const addressFields = ['street', 'postcode', 'city', 'country'] as const

/**
 * Applies pulled changes (our field names) to the person, the membership and its current mandate: person data
 * through `changePerson`, so the audit log shows the member database as the actor.
 */
export async function applyLocalChanges(
  tx: OrganisationStorage,
  membershipId: string,
  member: LocalMember,
  changes: readonly FieldChange[],
  stamp: { actor: string; at: Date },
): Promise<void> {
  const value = (field: string) => changes.find((c) => c.field === field)?.to
  const has = (field: string) => changes.some((c) => c.field === field)
  const person: Record<string, unknown> = {}
  for (const [field, target] of Object.entries(personFieldOf)) {
    if (!has(field)) continue
    const v = value(field) ?? null
    person[target] = target === 'firstName' || target === 'lastName' ? (v ?? '') : v
  }
  if (has('gender')) person['salutation'] = salutationByGender[String(value('gender'))] ?? 'none'
  if (addressFields.some(has)) {
    const current = member.record
    person['postalAddress'] = Object.fromEntries(
      addressFields.map((f) => [f, String((has(f) ? value(f) : current[f]) ?? (f === 'country' ? 'DE' : ''))]),
    )
  }
  if (Object.keys(person).length > 0) await changePerson(tx, member.personId, person as PersonChanges, stamp)
  const columns: Record<string, string | number | null> = {}
  const number = Number(value('membershipNumber'))
  if (has('membershipNumber') && Number.isSafeInteger(number) && number > 0) columns['number'] = number
  if (has('joinedOn') && value('joinedOn')) columns['joined_on'] = String(value('joinedOn'))
  if (has('endsOn')) columns['ends_on'] = (value('endsOn') as string | null) ?? null
  if (has('paymentMethod')) columns['payment_method'] = String(value('paymentMethod'))
  if (has('contributionLevel')) columns['membership_type'] = (value('contributionLevel') as string | null) ?? null
  const mandate: Record<string, string | null> = {}
  for (const [field, column] of [
    ['iban', 'iban'],
    ['mandateReference', 'reference'],
    ['mandateSignedOn', 'signed_on'],
    ['accountHolder', 'account_holder'],
  ] as const)
    if (has(field) && value(field)) mandate[column] = String(value(field))
  if (has('bic')) mandate['bic'] = (value('bic') as string | null) ?? null
  await tx.memberDatabase.setLocalColumns(membershipId, columns, mandate)
  await addPulledMandate(tx, membershipId, member.personId, member.record.iban === undefined, (f) => (has(f) ? value(f) : member.record[f]))
}

/**
 * Bank data pulled for a member with no current mandate becomes a mandate here — with the remote reference and date —
 * when the organisation has a creditor id; otherwise the data stays remote only (and is never sent back as empty).
 */
async function addPulledMandate(
  tx: OrganisationStorage,
  membershipId: string,
  personId: string,
  noMandate: boolean,
  value: (field: string) => SyncValue | undefined,
): Promise<void> {
  const text = (f: string) => {
    const v = value(f)
    return v === undefined || v === null || v === '' ? null : String(v)
  }
  const [iban, reference, signedOn] = [text('iban'), text('mandateReference'), text('mandateSignedOn')]
  if (!noMandate || !iban || !reference || !signedOn || !/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) return
  if (!IbanSchema.safeParse(iban).success) return
  const { creditorId } = await tx.organisation.get()
  if (!creditorId) return
  await tx.memberships.createMandate({
    personId,
    membershipId,
    reference,
    accountHolder: text('accountHolder') ?? '',
    iban,
    bic: text('bic'),
    creditorId,
    signedOn,
    validFrom: signedOn,
  })
}

/** Creates a member the remote side has and we do not (MIDA-10): a new person and membership. */
export async function createLocalMember(
  tx: OrganisationStorage,
  record: SyncRecord,
  today: CalendarDate,
  stamp: { actor: string; at: Date },
): Promise<string> {
  const text = (f: string) => (record[f] === undefined || record[f] === null ? null : String(record[f]))
  const person = await tx.people.create(
    {
      salutation: salutationByGender[String(record['gender'])] ?? 'none',
      title: text('title'),
      firstName: text('firstName') ?? '',
      lastName: text('lastName') ?? '',
      company: null,
      dateOfBirth: text('dateOfBirth'),
      postalAddress: {
        street: text('street') ?? '',
        postcode: text('postcode') ?? '',
        city: text('city') ?? '',
        country: text('country') ?? 'DE',
      },
      postalAddressInvalid: false,
      billingAddress: null,
      billingAddressInvalid: false,
      phonePrivate: text('phonePrivate'),
      phoneWork: null,
      phoneMobile: text('phoneMobile'),
      email: text('email'),
      preferredChannel: 'letter',
      dataProtectionRequested: false,
      admissionBlocked: false,
      notes: null,
    },
    stamp,
    { asContact: false },
  )
  const wanted = Number(text('membershipNumber'))
  const free = Number.isSafeInteger(wanted) && wanted > 0 && !(await tx.memberships.idsByNumbers([wanted])).has(wanted)
  const created = await tx.memberships.create({
    personId: person.id,
    number: free ? wanted : await nextFreeMembershipNumber(tx),
    feeClassGroupId: null,
    joinedOn: text('joinedOn') ?? today,
    paymentMethod: record['paymentMethod'] === 'direct-debit' ? 'direct-debit' : 'transfer',
    membershipType: text('contributionLevel'),
  })
  if (text('endsOn')) await tx.memberships.update(created.id, { endsOn: text('endsOn') })
  await addPulledMandate(tx, created.id, person.id, true, (f) => record[f])
  return created.id
}
