import { describe, expect, it } from 'vitest'
import { ValidationError, VereinskitError } from './vereinskit-error'
import { isVereinskitError } from './is-vereinskit-error'
import { errorCodes, errorRegistries } from './codes'

describe('error family', () => {
  it('carries a stable code and its message', () => {
    const error = new VereinskitError('RATE_LIMITED', errorCodes.RATE_LIMITED)
    expect(error.code).toBe('RATE_LIMITED')
    expect(error.message).toBe(errorCodes.RATE_LIMITED)
    expect(error.name).toBe('VereinskitError')
  })

  it('is recognised by brand, also across bundle copies', () => {
    const foreign = Object.assign(new Error('x'), { isVereinskitError: true, code: 'NOT_FOUND' })
    expect(isVereinskitError(foreign)).toBe(true)
    expect(isVereinskitError(new Error('x'))).toBe(false)
    expect(isVereinskitError(null)).toBe(false)
  })

  it('names every field in a validation message', () => {
    const error = new ValidationError([
      { path: 'email', code: 'invalid-email', message: 'bad e-mail' },
      { path: 'mandate.iban', code: 'iban-wrong-checksum', message: 'bad IBAN' },
    ])
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.message).toBe('Invalid input: email: bad e-mail; mandate.iban: bad IBAN')
  })
})

describe('the error registry', () => {
  it('merges every domain’s codes, none declared twice', () => {
    const declared = Object.values(errorRegistries).flatMap((registry) => Object.keys(registry))
    expect(new Set(declared).size).toBe(declared.length)
    expect(Object.keys(errorCodes).sort()).toEqual([...declared].sort())
  })
})
