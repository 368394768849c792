import { describe, expect, it } from 'vitest'
import { classifyConversion, conversionWarning } from './reference-conversion'

const external = { externalId: 'MID-42', firstName: 'Max', lastName: 'Muster', email: 'max@x.de' }
const copy = { personId: 'p1', externalId: 'MID-42', firstName: 'Max', lastName: 'Muster', email: 'max@x.de' }

describe('conversion of local copies into references', () => {
  it('T4.6 An exact match is convertible with no warning (classification)', () => {
    expect(classifyConversion(copy, external)).toEqual({ outcome: 'convert', personId: 'p1', externalId: 'MID-42' })
    expect(classifyConversion({ ...copy, email: ' MAX@x.de ', lastName: 'Muster ' }, external).outcome).toBe('convert')
  })

  it.each([
    [{ firstName: 'Maximilian' }, 'firstName'],
    [{ lastName: 'Mustermann' }, 'lastName'],
    [{ email: 'max@old.de' }, 'email'],
  ])('T4.7 A mismatch gives a warning but is still convertible: %o', (change, field) => {
    const changed = { ...copy, ...change }
    const result = classifyConversion(changed, external)
    expect(result).toEqual({ outcome: 'convert-with-warning', personId: 'p1', externalId: 'MID-42', differs: [field] })
    expect(conversionWarning(changed, [field])).toMatch(/MID-42.*Compare both systems/)
  })

  it('T4.8 Deleted externally means converted to a local customer (classification)', () => {
    expect(classifyConversion({ ...copy, externalId: 'MID-99' }, undefined)).toEqual({
      outcome: 'make-local',
      personId: 'p1',
      externalId: 'MID-99',
    })
  })

  it('T4.9 A v1 + v2 duplicate is merged (classification)', () => {
    expect(classifyConversion(copy, external, 'ref-1')).toEqual({
      outcome: 'merge-into-reference',
      personId: 'p1',
      externalId: 'MID-42',
      referencePersonId: 'ref-1',
    })
  })
})
