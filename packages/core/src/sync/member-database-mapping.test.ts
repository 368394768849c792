import { describe, expect, it } from 'vitest'
import {
  checkLinkPrerequisites,
  defaultMemberDatabaseRegions,
  memberSyncStatusOf,
  profileOf,
  retryDelaySeconds,
} from './member-database-link'
import { mapToLocal, mapToRemote } from './field-mapping'
import { memberDatabaseMapping } from './member-database-mapping'
import { reconcileRecord } from './reconcile-record'
import { uniformPolicy } from './conflict-policy'
import type { SyncRecord } from './sync-record'

const pull = (remote: SyncRecord, centralCollection = false) =>
  mapToLocal(remote, memberDatabaseMapping, profileOf({ name: 'DV', centralCollection }))

describe('member database mapping', () => {
  it.each([
    ['female', 'Herr', 'female'],
    [null, 'Herr', 'male'],
    [null, 'Frau', 'female'],
    [null, 'Divers', 'diverse'],
    [null, null, undefined],
    [null, 'Dr.', undefined],
  ])('T1.6 Gender fallback from the title: gender %s, title %s → %s', (gender, title, expected) => {
    expect(pull({ nachname: 'X', geschlecht: gender, titel: title }).gender).toBe(expected)
  })

  it.each([
    ['Ja', 'direct-debit'],
    ['Nein', 'transfer'],
    [null, 'transfer'],
    ['vielleicht', 'transfer'],
  ])('T1.7 Payment method from the direct-debit authorisation: %s → %s', (flag, expected) => {
    expect(pull({ nachname: 'X', einzugsermaechtigung: flag }).paymentMethod).toBe(expected)
  })

  it('pushes direct debit as Ja and every other method as Nein; the gender as it is', () => {
    expect(mapToRemote({ paymentMethod: 'direct-debit', gender: 'male' }, memberDatabaseMapping)).toMatchObject({
      einzugsermaechtigung: 'Ja',
      geschlecht: 'male',
    })
    expect(mapToRemote({ paymentMethod: 'cash' }, memberDatabaseMapping).einzugsermaechtigung).toBe('Nein')
  })

  it('T1.8 CC e-mail and extra phones are not synced; Mobil and Telefon are', () => {
    const gina = {
      firstName: 'Gina',
      lastName: 'G',
      email: 'g@x.de',
      ccEmail: 'eltern@x.de',
      phoneMobile: '0151 1',
      phonePrivate: '0221 2',
      phoneWork: '0228 3',
    }
    const payload = mapToRemote(gina, memberDatabaseMapping)
    expect(payload).toMatchObject({ email: 'g@x.de', mobil: '0151 1', telefon: '0221 2' })
    expect(Object.values(payload)).not.toContain('eltern@x.de')
    expect(Object.values(payload)).not.toContain('0228 3')
    const base = mapToRemote(gina, memberDatabaseMapping)
    const result = reconcileRecord({
      local: gina,
      remote: { ...base, email: 'gina@y.de', ccEmail: null },
      base,
      mapping: memberDatabaseMapping,
      policy: uniformPolicy(),
    })
    expect(result).toMatchObject({ action: 'merge', toLocal: [{ field: 'email', from: 'g@x.de', to: 'gina@y.de' }], toRemote: [] })
  })

  it('T1.9 A central-collection DV excludes bank and mandate data', () => {
    const profile = profileOf({ name: 'DV Zentral', centralCollection: true })
    const hugo = { firstName: 'Hugo', lastName: 'H', iban: 'DE02120300000000202051', mandateReference: 'M-1' }
    const base = mapToRemote(hugo, memberDatabaseMapping, profile)
    expect(base).toEqual({ vorname: 'Hugo', nachname: 'H', einzugsermaechtigung: 'Nein' })
    const remote = { ...base, vorname: 'Hugo-Karl', iban: 'DE89370400440532013000', mandatsreferenz: 'M-9' }
    const result = reconcileRecord({ local: hugo, remote, base, mapping: memberDatabaseMapping, profile, policy: uniformPolicy() })
    expect(result).toMatchObject({ action: 'merge', toLocal: [{ field: 'firstName', to: 'Hugo-Karl' }], toRemote: [] })
    const edited = mapToRemote(
      { ...hugo, iban: 'DE75512108001245126199', bic: 'X', mandateSignedOn: '2026-01-01', accountHolder: 'H' },
      memberDatabaseMapping,
      profile,
    )
    expect(Object.keys(edited)).not.toEqual(expect.arrayContaining(['iban']))
    for (const key of ['iban', 'bic', 'mandatsreferenz', 'mandatsdatum', 'kontoinhaber']) expect(edited).not.toHaveProperty(key)
  })

  it('a cash payer stays cash while the remote flag is unchanged, and becomes direct debit when it turns Ja', () => {
    const local = { lastName: 'K', paymentMethod: 'cash' }
    const base = mapToRemote(local, memberDatabaseMapping)
    const policy = uniformPolicy()
    expect(reconcileRecord({ local, remote: base, base, mapping: memberDatabaseMapping, policy })).toEqual({ action: 'none' })
    const turned = reconcileRecord({ local, remote: { ...base, einzugsermaechtigung: 'Ja' }, base, mapping: memberDatabaseMapping, policy })
    expect(turned).toMatchObject({ action: 'merge', toLocal: [{ field: 'paymentMethod', from: 'cash', to: 'direct-debit' }] })
  })

  it('reconciles creates and deletions on each side', () => {
    const policy = uniformPolicy()
    const m = memberDatabaseMapping
    expect(reconcileRecord({ local: { lastName: 'A' }, remote: undefined, base: undefined, mapping: m, policy })).toMatchObject({
      action: 'create-remote',
      payload: { nachname: 'A' },
    })
    expect(reconcileRecord({ local: undefined, remote: { nachname: 'B' }, base: undefined, mapping: m, policy })).toMatchObject({
      action: 'create-local',
      record: { lastName: 'B' },
    })
    const base = { nachname: 'C', einzugsermaechtigung: 'Nein' }
    expect(reconcileRecord({ local: { lastName: 'C', paymentMethod: 'transfer' }, remote: undefined, base, mapping: m, policy })).toEqual({
      action: 'delete-local',
      editLost: false,
    })
    expect(reconcileRecord({ local: undefined, remote: base, base, mapping: m, policy })).toEqual({
      action: 'delete-remote',
      editLost: false,
    })
    expect(
      reconcileRecord({ local: { lastName: 'C2' }, remote: undefined, base, mapping: m, policy: { ...policy, deletions: 'manual' } }),
    ).toEqual({ action: 'deletion-conflict', deletedOn: 'remote' })
  })

  it.each([
    ['DV Würzburg', 'write', 'linked'],
    ['DV Münster', 'read', 'MEMBER_DATABASE_RIGHTS_INSUFFICIENT'],
    ['DV Trier', 'write', 'MEMBER_DATABASE_REGION_NOT_SUPPORTED'],
  ] as const)('T1.10 Prerequisites gate the link: %s with %s rights → %s', (region, rights, expected) => {
    const attempt = () => checkLinkPrerequisites(region, rights, defaultMemberDatabaseRegions)
    if (expected === 'linked') expect(attempt()).toEqual({ excludedGroups: [] })
    else expect(attempt).toThrow(expect.objectContaining({ code: expected }))
  })

  it('T1.10 a region added to the configuration is accepted with no code change', () => {
    const regions = [...defaultMemberDatabaseRegions, { name: 'DV Trier', centralCollection: true }]
    expect(checkLinkPrerequisites('DV Trier', 'write', regions)).toEqual({ excludedGroups: ['bank', 'mandate'] })
  })

  it('retries back off exponentially up to ten minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n))).toEqual([5, 10, 20, 40])
    expect(retryDelaySeconds(30)).toBe(600)
    expect(retryDelaySeconds(1, 1)).toBe(6)
  })

  it('derives the status staff see from the link state', () => {
    const state = { mode: 'synced' as const, pendingChanges: 0, failureReason: null, remoteId: 'MID-1' }
    expect(memberSyncStatusOf(state)).toBe('transferred')
    expect(memberSyncStatusOf({ ...state, pendingChanges: 1 })).toBe('pending')
    expect(memberSyncStatusOf({ ...state, remoteId: null })).toBe('pending')
    expect(memberSyncStatusOf({ ...state, pendingChanges: 2, failureReason: 'timeout' })).toBe('failed')
    expect(memberSyncStatusOf({ ...state, failureReason: 'old' })).toBe('transferred')
    expect(memberSyncStatusOf({ ...state, mode: 'local-only', pendingChanges: 3 })).toBe('local-only')
  })
})
