import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ProblemDetails } from './problem'
import { readProblemDetails } from './read-problem'

const member = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined))
const issue = fc.record({ path: member, code: member, message: member }, { requiredKeys: [] })
const problem = fc.record(
  {
    type: member,
    title: member,
    status: fc.oneof(fc.integer({ min: 100, max: 599 }), member),
    detail: member,
    instance: member,
    code: fc.oneof(fc.constantFrom('VALIDATION_FAILED', 'RATE_LIMITED'), member),
    errors: fc.oneof(fc.array(issue, { maxLength: 3 }), member),
    extra: member,
  },
  { requiredKeys: [] },
)

describe('readProblemDetails', () => {
  it('reads a problem document as the server sends it', () => {
    const sent = {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'email', code: 'invalid-email', message: 'x' }],
    }
    expect(readProblemDetails(sent)).toEqual(sent)
    expect(readProblemDetails('<html>')).toBeUndefined()
  })

  it('accepts exactly what the ProblemDetails schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(problem, member, fc.array(member)), (value) => {
        expect(readProblemDetails(value) !== undefined).toBe(ProblemDetails.safeParse(value).success)
      }),
      { numRuns: 3000 },
    )
  })
})
