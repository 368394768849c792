import { describe, expect, it } from 'vitest'
import { aMandate } from '../testing'
import { fc, test } from '@fast-check/vitest'
import { addDays } from '../calendar/calendar-date'
import type { Mandate, MandateCollection } from './mandate'
import { sequenceTypeFor } from './sequence-type'
import { amendmentFor, bankOfIban, isSameBank } from './amendment'

const mandate = (overrides: Partial<Mandate> = {}): Mandate =>
  aMandate({ id: 'm1', reference: 'VK-1-1', validFrom: '2024-01-01', signedOn: '2024-01-01', ...overrides })
const collected = (status: MandateCollection['status'], overrides: Partial<MandateCollection> = {}): MandateCollection => ({
  mandateId: 'm1',
  collectionDate: '2024-02-01',
  status,
  sequenceType: 'FRST',
  reference: 'VK-1-1',
  iban: 'DE89370400440532013000',
  ...overrides,
})
const withFirst = { useFirstSequence: true }

describe('sequenceTypeFor', () => {
  it('is FRST for a never-collected recurring mandate, RCUR when the club does not use FRST', () => {
    expect(sequenceTypeFor(mandate(), [], '2024-03-01', withFirst)).toBe('FRST')
    expect(sequenceTypeFor(mandate(), [], '2024-03-01', { useFirstSequence: false })).toBe('RCUR')
  })

  it.each(['pending', 'exported', 'returned'] as const)('is RCUR once any collection exists, even %s', (status) => {
    expect(sequenceTypeFor(mandate(), [collected(status)], '2024-03-01', withFirst)).toBe('RCUR')
  })

  it('ignores collections of other mandates', () => {
    expect(sequenceTypeFor(mandate(), [collected('exported', { mandateId: 'm2' })], '2024-03-01', withFirst)).toBe('FRST')
  })

  it('is OOFF for a one-off mandate', () => {
    expect(sequenceTypeFor(mandate({ kind: 'one-off' }), [], '2024-03-01', withFirst)).toBe('OOFF')
  })

  it('is FNAL when the mandate ends within a month of the collection, RCUR when it ends later', () => {
    expect(sequenceTypeFor(mandate({ limitedUntil: '2024-03-20' }), [collected('exported')], '2024-03-01', withFirst)).toBe('FNAL')
    expect(sequenceTypeFor(mandate({ limitedUntil: '2024-12-31' }), [collected('exported')], '2024-03-01', withFirst)).toBe('RCUR')
  })

  test.prop([
    fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 12 }),
    fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  ])('a mandate never gets two FRST collections, across any sequence of runs and returns', (offsets, returned) => {
    const history: MandateCollection[] = []
    offsets.forEach((offset, i) => {
      const date = addDays('2024-01-01', offset)
      const type = sequenceTypeFor(mandate(), history, date, withFirst)
      history.push(collected(returned[i] ? 'returned' : 'pending', { collectionDate: date, sequenceType: type }))
    })
    expect(history.filter((c) => c.sequenceType === 'FRST')).toHaveLength(1)
  })
})

describe('amendmentFor', () => {
  it('is none for a first collection and when nothing changed', () => {
    expect(amendmentFor(mandate(), [])).toBeUndefined()
    expect(amendmentFor(mandate({ reference: 'vk-1-1' }), [collected('exported')])).toBeUndefined()
  })

  it('names the old IBAN for a new account at the same bank', () => {
    expect(amendmentFor(mandate({ iban: 'DE27370400440532013001' }), [collected('exported')])).toEqual({
      originalReference: null,
      originalIban: 'DE89370400440532013000',
      newBank: false,
    })
  })

  it('uses SMNDA for an account at another bank', () => {
    expect(amendmentFor(mandate({ iban: 'DE02120300000000202051' }), [collected('exported')])).toEqual({
      originalReference: null,
      originalIban: null,
      newBank: true,
    })
  })

  it('names the old reference', () => {
    expect(amendmentFor(mandate({ reference: 'VK-1-2' }), [collected('exported')])?.originalReference).toBe('VK-1-1')
  })

  it('is sent once: the next collection after the amended one carries none', () => {
    const m = mandate({ iban: 'DE02120300000000202051' })
    const history = [collected('exported'), collected('exported', { collectionDate: '2024-03-01', iban: m.iban })]
    expect(amendmentFor(m, history)).toBeUndefined()
  })

  it('knows German and Austrian bank codes; unknown layouts count as another bank', () => {
    expect(bankOfIban('DE89370400440532013000')).toBe('DE37040044')
    expect(isSameBank('AT611904300234573201', 'AT131904300234573202')).toBe(true)
    expect(isSameBank('MT84MALT011000012345MTLCAST001S', 'MT84MALT011000012345MTLCAST001S')).toBe(false)
  })
})
