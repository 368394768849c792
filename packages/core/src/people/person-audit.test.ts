import { describe, expect, it } from 'vitest'
import { completePerson, PersonInput, displayName } from './person'
import { applyPersonChanges, personFieldChanges } from './person-audit'

const erika = completePerson(
  PersonInput.parse({ lastName: 'Muster', firstName: 'Erika', postalAddress: { street: 'Weg 1', postcode: '12345', city: 'Berlin' } }),
)

describe('person data and its audit lines (handbook §11.3)', () => {
  it('fills defaults: postal address in use for bills, letters by post, no flags', () => {
    expect(erika).toMatchObject({
      billingAddress: null,
      preferredChannel: 'letter',
      admissionBlocked: false,
      company: null,
      dateOfBirth: null,
    })
    expect(displayName(erika)).toBe('Erika Muster')
  })
  it('needs a last name or a company', () => {
    expect(PersonInput.safeParse({ postalAddress: erika.postalAddress }).success).toBe(false)
    expect(PersonInput.safeParse({ company: 'Verein e.V.', postalAddress: erika.postalAddress }).success).toBe(true)
  })
  it('writes one line per changed field with before and after; unchanged values write none', () => {
    const changes = { lastName: 'Mustermann', firstName: 'Erika', postalAddress: { ...erika.postalAddress, street: 'Weg 2' } }
    expect(personFieldChanges(erika, changes)).toEqual([
      { field: 'lastName', before: 'Muster', after: 'Mustermann' },
      { field: 'postalAddress', before: erika.postalAddress, after: changes.postalAddress },
    ])
    expect(applyPersonChanges(erika, changes)).toMatchObject({ lastName: 'Mustermann', postalAddress: { street: 'Weg 2' } })
    expect(personFieldChanges(erika, { email: null })).toEqual([])
  })
})
