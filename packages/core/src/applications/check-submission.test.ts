import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fieldIssuesFromZod } from '../errors/from-zod'
import { anApplicationSubmission, validIbans } from '../testing/builders'
import { checkSubmission } from './check-submission'
import { ApplicationSubmission, type ApplicationSubmissionInput } from './online-application'

/** What the server would answer for the input: the schema's issues, or the parsed submission. */
function bySchema(input: ApplicationSubmissionInput) {
  const parsed = ApplicationSubmission.safeParse(input)
  return parsed.success
    ? { issues: [], submission: parsed.data }
    : { issues: fieldIssuesFromZod(parsed.error, input), submission: undefined }
}

const text = (values: string[]) =>
  fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 12 }), fc.string({ minLength: 55, maxLength: 110 }))

const input: fc.Arbitrary<ApplicationSubmissionInput> = fc.record({
  salutation: fc.constantFrom('mr', 'ms', 'mx', 'none', 'dr' as never),
  title: fc.option(text(['', 'Dr.', ' Prof. ']), { nil: undefined }),
  firstName: text(['Erika', '', '  ', ' Erika ']),
  lastName: text(['Mustermann', '']),
  dateOfBirth: fc.constantFrom('1984-08-12', '1984-02-30', '', '12.08.1984', '2000-01-01'),
  address: fc.record({
    street: text(['Heidestraße 17', '']),
    postcode: fc.constantFrom('51147', '', '1', ' 12345 ', 'AB-123', '1234567890123'),
    city: text(['Köln', '']),
    country: fc.constantFrom('DE', 'de', '', 'SE', undefined),
  }),
  email: fc.constantFrom('erika@example.org', '', 'erika@', ' erika@example.org ', `${'a'.repeat(250)}@example.org`, 'a..b@example.org'),
  phone: fc.constantFrom('+49 221 1234567', '', '12', 'abc', undefined),
  feeClassGroupId: text(['group-1', '']),
  mandate: fc.option(
    fc.record({
      accountHolder: text(['Erika Mustermann', '']),
      iban: fc.constantFrom(validIbans.DE, 'DE89 3704 0044 0532 0130 01', '', 'XX123', 'US12345678901234567890', 'de89370400440532013000'),
      bic: fc.constantFrom('COBADEFFXXX', 'cobadeff', 'nonsense', undefined),
      consent: fc.boolean(),
    }),
    { nil: undefined },
  ),
  privacyConsent: fc.boolean(),
}) as fc.Arbitrary<ApplicationSubmissionInput>

describe('checkSubmission', () => {
  it('accepts the complete application and normalises it as the schema does', () => {
    const valid = anApplicationSubmission({ mandate: { accountHolder: ' Erika ', iban: 'de89 3704 0044 0532 0130 00', consent: true } })
    expect(checkSubmission(valid)).toEqual({ issues: [], submission: bySchema(valid).submission })
  })

  it('answers exactly the field issues the schema answers, for any input a form can send', () => {
    fc.assert(
      fc.property(input, (candidate) => {
        const plain = checkSubmission(candidate)
        const schema = bySchema(candidate)
        const key = (i: { path: string; code: string }) => `${i.path}|${i.code}`
        expect(plain.issues.map(key).sort()).toEqual(schema.issues.map(key).sort())
        expect(new Map(plain.issues.map((i) => [key(i), i.message]))).toEqual(new Map(schema.issues.map((i) => [key(i), i.message])))
        if (schema.submission) expect(plain.submission).toEqual(schema.submission)
      }),
      { numRuns: 2000 },
    )
  })
})
