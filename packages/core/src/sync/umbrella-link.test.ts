import { describe, expect, it } from 'vitest'
import { UmbrellaLinkOptions, checkUnlocked, lockedFieldsFor, standardSync } from './umbrella-link'
import { parseSyncImport } from './sync-import-csv'

describe('umbrella links', () => {
  it('standard sync locks contact, membership, payment, bank and mandate fields in the child', () => {
    expect(lockedFieldsFor('membership', standardSync)).toEqual(['number', 'joinedOn', 'endsOn', 'paymentMethod'])
    expect(lockedFieldsFor('person', standardSync)).toEqual(expect.arrayContaining(['postalAddress', 'email', 'lastName']))
    expect(() => checkUnlocked('mandate', ['iban'], standardSync)).toThrow(expect.objectContaining({ code: 'MEMBER_FIELD_LOCKED' }))
    expect(() => checkUnlocked('person', ['notes'], standardSync)).toThrow(expect.objectContaining({ code: 'MEMBER_FIELD_LOCKED' }))
    expect(() => checkUnlocked('membership', ['processingBlocked', 'markers'], standardSync)).not.toThrow()
  })

  it('bidirectional sync lifts every lock', () => {
    const options = UmbrellaLinkOptions.parse({ bidirectional: true })
    expect(() => checkUnlocked('membership', ['paymentMethod', 'endsOn'], options)).not.toThrow()
  })

  it('names the locked fields in the error', () => {
    try {
      checkUnlocked('membership', ['endsOn', 'processingBlocked', 'paymentMethod'], standardSync)
      expect.unreachable()
    } catch (error) {
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['endsOn', 'paymentMethod'])
    }
  })
})

describe('sync import file', () => {
  it('T2.6 CSV sync import: one row per member and division, keyed by login e-mail or username (parsing)', () => {
    const parsed = parseSyncImport('login;division\r\nanna@x.de;A\r\nanna@x.de;B\r\nben77;A\r\nnobody@x.de;A\r\n')
    expect(parsed.issues).toEqual([])
    expect(parsed.rows).toEqual([
      { line: 2, login: 'anna@x.de', division: 'A' },
      { line: 3, login: 'anna@x.de', division: 'B' },
      { line: 4, login: 'ben77', division: 'A' },
      { line: 5, login: 'nobody@x.de', division: 'A' },
    ])
  })

  it('reads commas, quotes and a BOM, and reports broken and repeated rows by line', () => {
    const parsed = parseSyncImport('\uFEFF"anna@x.de","Abteilung ""Fußball"""\n\nben77\nanna@x.de,"Abteilung ""Fußball"""\n')
    expect(parsed.rows).toEqual([{ line: 1, login: 'anna@x.de', division: 'Abteilung "Fußball"' }])
    expect(parsed.issues.map((i) => [i.path, i.code])).toEqual([
      ['line 3', 'columns'],
      ['line 4', 'duplicate-row'],
    ])
  })
})
