import { describe, expect, it } from 'vitest'
import { ApplicationSubmission } from './online-application'
import { checkApplication } from './check-application'
import { fieldIssuesFromZod } from '../errors/from-zod'
import { anApplicationSubmission } from '../testing/builders'

function issuesOf(input: unknown) {
  const result = ApplicationSubmission.safeParse(input)
  return result.success ? [] : fieldIssuesFromZod(result.error, input).map(({ path, code }) => ({ path, code }))
}

describe('online application submission', () => {
  it('accepts a complete application and normalises IBAN, trims text, defaults the country', () => {
    const input = anApplicationSubmission({
      firstName: '  Erika ',
      address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln' },
      mandate: { accountHolder: 'Erika Mustermann', iban: 'de89 3704 0044 0532 0130 00', consent: true },
    })
    const parsed = ApplicationSubmission.parse(input)
    expect(parsed.firstName).toBe('Erika')
    expect(parsed.address.country).toBe('DE')
    expect(parsed.mandate?.iban).toBe('DE89370400440532013000')
  })

  it('accepts an application without a mandate and with an empty phone', () => {
    const parsed = ApplicationSubmission.parse(anApplicationSubmission({ mandate: undefined, phone: '' }))
    expect(parsed.mandate).toBeUndefined()
    expect(parsed.phone).toBeUndefined()
  })

  it.each([
    [{ lastName: '' }, [{ path: 'lastName', code: 'required' }]],
    [{ lastName: undefined }, [{ path: 'lastName', code: 'required' }]],
    [{ email: 'not-an-address' }, [{ path: 'email', code: 'invalid-email' }]],
    [{ dateOfBirth: '1984-02-30' }, [{ path: 'dateOfBirth', code: 'invalid-date' }]],
    [{ phone: 'call me' }, [{ path: 'phone', code: 'invalid-phone' }]],
    [{ privacyConsent: false }, [{ path: 'privacyConsent', code: 'consent-required' }]],
    [
      { mandate: { accountHolder: 'E M', iban: 'DE88370400440532013000', consent: true } },
      [{ path: 'mandate.iban', code: 'iban-wrong-checksum' }],
    ],
    [
      { mandate: { accountHolder: 'E M', iban: 'DE89370400440532013000', consent: false } },
      [{ path: 'mandate.consent', code: 'consent-required' }],
    ],
    [{ address: { street: 'x', postcode: '1', city: 'Köln' } }, [{ path: 'address.postcode', code: 'invalid-postcode' }]],
  ])('reports %j as %j', (override, expected) => {
    expect(issuesOf({ ...anApplicationSubmission(), ...override })).toEqual(expected)
  })

  it('reports every missing field of an empty form at once', () => {
    const paths = issuesOf({}).map((i) => i.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'salutation',
        'firstName',
        'lastName',
        'dateOfBirth',
        'address',
        'email',
        'feeClassGroupId',
        'privacyConsent',
      ]),
    )
    expect(issuesOf({}).every((i) => i.code === 'required')).toBe(true)
  })
})

describe('checkApplication', () => {
  const context = { asOf: '2026-11-23', offeredFeeGroupIds: ['standard', 'youth'], acceptsMandates: true }
  const parsed = (override: object) => ApplicationSubmission.parse(anApplicationSubmission(override))

  it('refuses a mandate where the club takes none', () => {
    expect(checkApplication(parsed({}), { ...context, acceptsMandates: false })).toMatchObject([{ path: 'mandate', code: 'not-offered' }])
  })

  it('passes a plausible application for an offered group', () => {
    expect(checkApplication(parsed({}), context)).toEqual([])
    expect(checkApplication(parsed({ dateOfBirth: '2026-11-23' }), context)).toEqual([])
  })

  it('refuses a date of birth in the future or more than 130 years ago', () => {
    expect(checkApplication(parsed({ dateOfBirth: '2026-11-24' }), context)).toMatchObject([{ path: 'dateOfBirth', code: 'in-future' }])
    expect(checkApplication(parsed({ dateOfBirth: '1896-11-22' }), context)).toMatchObject([{ path: 'dateOfBirth', code: 'implausible' }])
  })

  it('refuses a fee-class group the club does not offer online', () => {
    expect(checkApplication(parsed({ feeClassGroupId: 'honorary' }), context)).toMatchObject([
      { path: 'feeClassGroupId', code: 'not-offered' },
    ])
  })
})
