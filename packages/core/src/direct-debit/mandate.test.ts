import { describe, expect, it } from 'vitest'
import { aMandate } from '../testing'
import { fc, test } from '@fast-check/vitest'
import { addDays, addMonths } from '../calendar/calendar-date'
import { calendarDate } from '../../test/arbitraries'
import { mandateInUse, mandateStateOn, type Mandate, type MandateCollection } from './mandate'

const mandate = (overrides: Partial<Mandate> = {}): Mandate =>
  aMandate({ id: 'm1', reference: 'VK-1-1', validFrom: '2024-01-01', signedOn: '2023-12-20', ...overrides })

const collection = (collectionDate: string, status: MandateCollection['status'] = 'exported', mandateId = 'm1'): MandateCollection => ({
  mandateId,
  collectionDate,
  status,
  sequenceType: 'RCUR',
  reference: 'VK-1-1',
  iban: 'DE89370400440532013000',
})

describe('mandateStateOn (D13)', () => {
  it('is not yet valid before its valid-from date and valid from it', () => {
    expect(mandateStateOn(mandate(), [], '2023-12-31').state).toBe('not-yet-valid')
    expect(mandateStateOn(mandate(), [], '2024-01-01').state).toBe('valid')
  })

  it('is valid through "limited until" and ended the day after', () => {
    const m = mandate({ limitedUntil: '2025-06-30', terminatedOn: '2025-05-02' })
    expect(mandateStateOn(m, [], '2025-06-30').state).toBe('valid')
    expect(mandateStateOn(m, [], '2025-07-01').state).toBe('ended')
  })

  it('is revoked from the day a revocation without end date was received', () => {
    const m = mandate({ terminatedOn: '2025-05-02' })
    expect(mandateStateOn(m, [], '2025-05-01').state).toBe('valid')
    expect(mandateStateOn(m, [], '2025-05-02').state).toBe('revoked')
  })

  it('lapses 36 months after the signature when never used, warning from 33 months', () => {
    const m = mandate()
    expect(mandateStateOn(m, [], '2026-09-19')).toMatchObject({ state: 'valid', lapseWarning: false })
    expect(mandateStateOn(m, [], '2026-09-20')).toMatchObject({ state: 'valid', lapseWarning: true })
    expect(mandateStateOn(m, [], '2026-12-19')).toMatchObject({ state: 'valid', lapsesOn: '2026-12-20' })
    expect(mandateStateOn(m, [], '2026-12-20').state).toBe('lapsed')
  })

  it('lapses 36 months after the last settled collection; returned and pending ones do not count', () => {
    const used = [collection('2025-03-15'), collection('2026-03-15', 'returned'), collection('2028-01-15', 'pending')]
    expect(mandateStateOn(mandate(), used, '2028-03-14')).toMatchObject({ state: 'valid', lapsesOn: '2028-03-15' })
    expect(mandateStateOn(mandate(), used, '2028-03-15').state).toBe('lapsed')
  })

  it('counts an exported collection only once it is due', () => {
    expect(mandateStateOn(mandate({ kind: 'one-off' }), [collection('2025-03-15')], '2025-03-14').state).toBe('valid')
    expect(mandateStateOn(mandate({ kind: 'one-off' }), [collection('2025-03-15')], '2025-03-15').state).toBe('used-up')
  })

  it('a one-off mandate never lapses but is used up by one settled collection; a returned one leaves it usable', () => {
    const m = mandate({ kind: 'one-off' })
    expect(mandateStateOn(m, [], '2040-01-01')).toMatchObject({ state: 'valid', lapsesOn: null })
    expect(mandateStateOn(m, [collection('2024-02-01', 'returned')], '2024-03-01').state).toBe('valid')
  })

  it('a settled final collection ends a recurring mandate', () => {
    const final = { ...collection('2025-03-15'), sequenceType: 'FNAL' as const }
    expect(mandateStateOn(mandate(), [final], '2025-04-01').state).toBe('ended')
  })

  test.prop([calendarDate(), fc.integer({ min: 0, max: 2000 })])(
    'never valid on or after 36 months without settled use',
    (signed, offset) => {
      const m = mandate({ validFrom: signed, signedOn: signed })
      const date = addDays(signed, offset)
      const state = mandateStateOn(m, [], date).state
      expect(state === 'lapsed').toBe(date >= addMonths(signed, 36))
    },
  )
})

describe('mandateInUse', () => {
  it('takes the valid mandate valid from the latest day', () => {
    const old = mandate({ id: 'old', validFrom: '2024-01-01' })
    const newer = mandate({ id: 'new', validFrom: '2025-01-01', signedOn: '2024-12-01' })
    const future = mandate({ id: 'future', validFrom: '2030-01-01', signedOn: '2029-12-01' })
    expect(mandateInUse([old, newer, future], [], '2025-06-01')?.id).toBe('new')
    expect(mandateInUse([old, newer, future], [], '2024-06-01')?.id).toBe('old')
  })

  it('is undefined when none is valid', () => {
    expect(mandateInUse([mandate({ limitedUntil: '2024-02-01' })], [], '2024-03-01')).toBeUndefined()
  })
})
