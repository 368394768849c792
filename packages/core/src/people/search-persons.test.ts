import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compileSearch, PersonSearchCriteria } from './search-criteria'
import { searchPersons, type SearchablePerson } from './search-persons'
import { searchExamples } from './search-examples'
import { likeMatches } from './like-pattern'
import { foldText } from './fold-text'

export function aSearchable(overrides: Partial<SearchablePerson> = {}): SearchablePerson {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    lastName: 'Muster',
    firstName: 'Erika',
    company: null,
    street: 'Weg 1',
    city: 'Berlin',
    phones: [null, null, null],
    dateOfBirth: '1980-01-01',
    mandates: [],
    roles: [],
    ...overrides,
  }
}

const found = (field: string, input: string, value: string, wildcards: boolean) => {
  const criteria = PersonSearchCriteria.parse({ [field]: input })
  const person = aSearchable(field === 'phone' ? { phones: [value, null, null] } : { [field]: value })
  return searchPersons([person], compileSearch(criteria, { wildcards }), { asOf: '2026-01-01', limit: 10 }).length === 1
}

describe('the standard search (handbook §4.1, worked examples W1–W3)', () => {
  for (const e of searchExamples) {
    it(`${e.field} "${e.input}" ${e.found ? 'finds' : 'does not find'} "${e.value}" (wildcards ${e.wildcards ? 'on' : 'off'})`, () => {
      expect(found(e.field, e.input, e.value, e.wildcards)).toBe(e.found)
    })
  }

  it('W4: exact fields — membership 12345 finds 12345, not 123456; the mandate reference ignores case; the IBAN is a prefix', () => {
    const people = [
      aSearchable({ id: 'a', roles: [{ membershipId: 'm1', number: 12345, role: 'H', endsOn: null, archived: false }] }),
      aSearchable({
        id: 'b',
        roles: [{ membershipId: 'm2', number: 123456, role: 'H', endsOn: null, archived: false }],
        mandates: [{ reference: 'VK-123456-1', iban: 'DE02120300000000202051' }],
      }),
    ]
    const hits = (c: object) =>
      searchPersons(people, compileSearch(PersonSearchCriteria.parse(c), { wildcards: true }), { asOf: '2026-01-01', limit: 9 })
    expect(hits({ membershipNumber: 12345 }).map((h) => h.personId)).toEqual(['a'])
    expect(hits({ mandateReference: 'vk-123456-1' }).map((h) => h.personId)).toEqual(['b'])
    expect(hits({ iban: 'de02 1203' }).map((h) => h.personId)).toEqual(['b'])
    expect(hits({ iban: 'DE0212030000000020205' }).map((h) => h.personId)).toEqual(['b'])
    expect(hits({ iban: '1203' })).toEqual([])
    expect(hits({ dateOfBirth: '1980-01-01' }).length).toBe(2)
  })

  it('AND-combines filled fields and shows one row per membership place with H/P/L and the inactive/archived markers', () => {
    const person = aSearchable({
      roles: [
        { membershipId: 'm1', number: 7, role: 'H', endsOn: '2025-12-31', archived: false },
        { membershipId: 'm2', number: 9, role: 'P', endsOn: null, archived: false },
        { membershipId: 'm3', number: 3, role: 'L', endsOn: '2020-12-31', archived: true },
      ],
    })
    const search = (c: object, includeArchived = true) =>
      searchPersons([person], compileSearch(PersonSearchCriteria.parse(c), { wildcards: true }), {
        asOf: '2026-01-01',
        limit: 9,
        includeArchived,
      })
    expect(search({ lastName: 'Must', city: 'Berl' }).map((h) => [h.number, h.role, h.inactive, h.archived])).toEqual([
      [3, 'L', true, true],
      [7, 'H', true, false],
      [9, 'P', false, false],
    ])
    expect(search({ lastName: 'Must', city: 'Hamburg' })).toEqual([])
    expect(search({ lastName: 'Must' }, false).map((h) => h.number)).toEqual([7, 9])
    expect(search({ membershipNumber: 9 }).map((h) => h.role)).toEqual(['P'])
  })

  it('refuses an empty phone, an IBAN with symbols and unknown fields', () => {
    expect(PersonSearchCriteria.safeParse({ phone: '--' }).success).toBe(false)
    expect(PersonSearchCriteria.safeParse({ iban: 'DE%' }).success).toBe(false)
    expect(PersonSearchCriteria.safeParse({ regex: '.*' }).success).toBe(false)
  })
})

describe('LIKE matching', () => {
  /** A reference built from a regular expression with every other character escaped. */
  const reference = (value: string, pattern: string) => {
    const source = Array.from(pattern)
      .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')
    return new RegExp(`^${source}$`, 'su').test(value)
  }
  const alphabet = fc.constantFrom('a', 'b', 'ß', 'ü', '%', '_', '.', '*', 'x')
  it('agrees with a regular-expression reference on random values and patterns (no escapes)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(alphabet, { maxLength: 6 }), (v, p) => {
        const value = v.join('')
        const pattern = p.join('')
        expect(likeMatches(value, pattern)).toBe(reference(value, pattern))
      }),
      { numRuns: 3000 },
    )
  })
  it('folding keeps the length of letters, so `_` is one character on both sides', () => {
    expect(foldText('ÄÖÜäöüßẞÉçØŁ')).toBe('aouaoußßecol')
    expect(foldText('u\u0308ber')).toBe('uber')
  })
})
