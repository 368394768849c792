import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareForDuplicate, findDuplicates, type DuplicateSubject } from './duplicate-check'

const known: DuplicateSubject[] = [
  {
    id: 'p1',
    lastName: 'Müller',
    firstName: 'Hans',
    dateOfBirth: '1970-05-01',
    email: 'hans@example.org',
    street: 'Hauptstraße 1',
    postcode: '10115',
  },
  { id: 'p2', lastName: 'Schmidt', firstName: 'Eva', company: 'Schmidt & Söhne GmbH' },
  { id: 'p3', lastName: 'Meier', firstName: 'Jan', email: 'HANS@example.org', ibans: ['DE02120300000000202051'] },
]

describe('duplicate check (handbook §8.1: same name and first name, or same company)', () => {
  it('the handbook rule: the same folded last and first name is a candidate with its reason', () => {
    const [c] = findDuplicates({ lastName: 'MUELLER', firstName: 'hans' }, known, 'interactive')
    expect(c).toBeUndefined()
    const [d] = findDuplicates({ lastName: 'muller', firstName: 'HANS' }, known, 'interactive')
    expect(d).toMatchObject({ personId: 'p1', sameName: true, fields: ['lastName', 'firstName'], score: 35 })
  })
  it('the same company is a candidate whatever the names', () => {
    const found = findDuplicates({ lastName: 'Other', firstName: 'X', company: 'schmidt & sohne gmbh' }, known, 'interactive')
    expect(found.map((c) => [c.personId, c.sameCompany])).toEqual([['p2', true]])
  })
  it('beyond the rule, agreeing fields add up; e-mail is compared without case, the address with folding', () => {
    const probe = { lastName: 'Meyer', firstName: 'Johann', email: 'hans@example.org', street: 'Hauptstrasse 1', postcode: '10115' }
    const found = findDuplicates(probe, known, 'interactive')
    expect(found.map((c) => [c.personId, c.score, c.fields])).toEqual([['p1', 45, ['email', 'address']]])
    expect(compareForDuplicate(probe, known[2]!).fields).toEqual(['email'])
  })
  it('automatic intake uses the higher threshold: the same name alone is not flagged, name plus birth date is', () => {
    expect(findDuplicates({ lastName: 'Müller', firstName: 'Hans' }, known, 'automatic')).toEqual([])
    expect(
      findDuplicates({ lastName: 'Müller', firstName: 'Hans', dateOfBirth: '1970-05-01' }, known, 'automatic').map((c) => c.score),
    ).toEqual([60])
    expect(findDuplicates({ lastName: 'Müller', firstName: 'Hans' }, known, 'automatic', { interactive: 10, automatic: 30 })).toHaveLength(
      1,
    )
  })
  it('an IBAN in common counts', () => {
    expect(compareForDuplicate({ lastName: 'A', firstName: 'B', ibans: ['DE02120300000000202051'] }, known[2]!).fields).toEqual(['iban'])
  })
  it('properties: a person compared with themself scores the most; the score never exceeds 100 and is ordered best first', () => {
    const subject = fc.record({
      id: fc.uuid(),
      lastName: fc.constantFrom('Müller', 'Mueller', 'Groß', 'Gross', 'Weiß'),
      firstName: fc.constantFrom('Anna', 'anna', 'Jörg', 'Jorg'),
      dateOfBirth: fc.constantFrom('1990-01-01', '1991-02-03', null),
      email: fc.constantFrom('a@x.de', 'A@X.DE', null),
    })
    fc.assert(
      fc.property(subject, fc.array(subject, { maxLength: 8 }), (probe, others) => {
        const self = compareForDuplicate(probe, probe)
        for (const o of others) expect(compareForDuplicate(probe, o).score).toBeLessThanOrEqual(self.score)
        const found = findDuplicates(probe, others, 'interactive')
        for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score)
        for (const c of found) expect(c.score).toBeLessThanOrEqual(100)
      }),
    )
  })
})
