import type { FieldMapping, MappedField } from './field-mapping'
import { valueMap } from './field-mapping'
import type { SyncRecord, SyncValue } from './sync-record'

/**
 * The fields of a member as the sync engine sees them: person, membership, bank and mandate data flattened into one
 * record. Our names; the remote names are the reference member database's (a national member database like MiDa).
 */
export const memberSyncFields = [
  'firstName',
  'lastName',
  'title',
  'gender',
  'dateOfBirth',
  'contributionLevel',
  'street',
  'postcode',
  'city',
  'country',
  'phoneMobile',
  'phonePrivate',
  'email',
  'membershipNumber',
  'joinedOn',
  'endsOn',
  'paymentMethod',
  'iban',
  'bic',
  'mandateReference',
  'mandateSignedOn',
  'accountHolder',
] as const
export type MemberSyncField = (typeof memberSyncFields)[number]

/** Gender as the remote side knows it; our members carry it as the salutation (mr/ms/mx). */
export type Gender = 'male' | 'female' | 'diverse'

const genderFromTitle = valueMap({ Herr: 'male', Frau: 'female', Divers: 'diverse' }, null)

/**
 * Gender on pull (MIDA-16a): an explicit remote gender wins; when it is empty, the title gives it if it is Herr, Frau
 * or Divers; otherwise the gender stays empty. On push our gender is sent as it is.
 */
export function genderOnPull(gender: SyncValue, remote: SyncRecord): SyncValue {
  if (gender === 'male' || gender === 'female' || gender === 'diverse') return gender
  return genderFromTitle(remote['titel'] ?? null)
}

/** Payment method on pull (MIDA-16b): `Ja` in the direct-debit authorisation means direct debit, anything else transfer. */
export const paymentMethodOnPull = valueMap({ Ja: 'direct-debit' }, 'transfer')

/**
 * Payment method on push: direct debit is `Ja`, every other method `Nein` (docs/decisions/0023#payment-method: a
 * cash payer comes back as transfer on the next pull only if the remote side changes the flag; an unchanged flag is
 * no change, so the local method is kept by the three-way merge).
 */
export function paymentMethodOnPush(method: SyncValue): SyncValue {
  return method === 'direct-debit' ? 'Ja' : 'Nein'
}

const field = (local: MemberSyncField, remote: string, more: Partial<MappedField> = {}): MappedField => ({ local, remote, ...more })

/**
 * The mapping between our member record and the reference member database (S0, F1–F13). A whitelist: the CC
 * e-mail and phone numbers other than "Mobil" and "Telefon" never sync; bank (F12) and mandate (F13) fields belong
 * to groups a central-collection region switches off.
 * @see docs/decisions/0023-sync-and-tenancy.md
 */
export const memberDatabaseMapping: FieldMapping = {
  fields: [
    field('firstName', 'vorname'),
    field('lastName', 'nachname'),
    field('title', 'titel'),
    field('gender', 'geschlecht', { toLocal: genderOnPull }),
    field('dateOfBirth', 'geburtsdatum'),
    field('contributionLevel', 'beitragsstufe'),
    field('street', 'strasse'),
    field('postcode', 'plz'),
    field('city', 'ort'),
    field('country', 'land'),
    field('phoneMobile', 'mobil'),
    field('phonePrivate', 'telefon'),
    field('email', 'email'),
    field('membershipNumber', 'mitgliedsnummer'),
    field('joinedOn', 'eintritt'),
    field('endsOn', 'austritt'),
    field('paymentMethod', 'einzugsermaechtigung', { toLocal: paymentMethodOnPull, toRemote: paymentMethodOnPush }),
    field('iban', 'iban', { group: 'bank' }),
    field('bic', 'bic', { group: 'bank' }),
    field('mandateReference', 'mandatsreferenz', { group: 'mandate' }),
    field('mandateSignedOn', 'mandatsdatum', { group: 'mandate' }),
    field('accountHolder', 'kontoinhaber', { group: 'mandate' }),
  ],
  // Our postal address has no supplement line, so the remote `adresszusatz` is not mapped (it is kept remotely).
  neverSync: ['ccEmail', 'phoneWork', 'notes'],
}
