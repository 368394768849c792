import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { formatCentsDecimal, parseCents, sumCents, toCents } from './cents'
import { cents } from '../../test/arbitraries'

describe('parseCents', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12', 1200],
    ['12,5', 1250],
    ['0,01', 1],
    ['-3,5', -350],
    ['+7', 700],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234,00', 123400],
    ['1.234.567', 123456700],
    [' 99,99 € ', 9999],
    ['-0,00', 0],
  ])('reads %j as %i cents', (text, expected) => {
    expect(parseCents(text)).toBe(expected)
  })

  it.each(['', 'abc', '12,505', '1.234', '1,234', '1,2,3', '12.50,1', '1.23,45', '--1', '12,', ',50', '1e3', 'NaN', '99999999999999999'])(
    'refuses %j with INVALID_AMOUNT',
    (text) => {
      expect(() => parseCents(text)).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }))
    },
  )

  test.prop([cents()])('reads back what formatCentsDecimal writes', (amount) => {
    expect(parseCents(formatCentsDecimal(amount))).toBe(amount)
    expect(parseCents(formatCentsDecimal(amount).replace('.', ','))).toBe(amount)
  })
})

describe('formatCentsDecimal', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [1250, '12.50'],
    [-123456, '-1234.56'],
  ])('%i → %s', (amount, text) => expect(formatCentsDecimal(amount)).toBe(text))
})

describe('sumCents and toCents', () => {
  it('refuses fractions of a cent and unsafe integers', () => {
    expect(() => toCents(0.5)).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }))
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }))
  })

  test.prop([fc.array(cents())])('is independent of order', (amounts) => {
    expect(sumCents(amounts)).toBe(sumCents([...amounts].reverse()))
  })
})
