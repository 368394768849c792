import { describe, expect, it } from 'vitest'
import { decideApplication } from './review'

describe('application review', () => {
  it('decides a pending application', () => {
    expect(decideApplication('a1', 'pending', 'accept')).toBe('accepted')
    expect(decideApplication('a1', 'pending', 'reject')).toBe('rejected')
  })

  it.each([
    ['accepted', 'accept', 'APPLICATION_ALREADY_ACCEPTED'],
    ['accepted', 'reject', 'APPLICATION_ALREADY_ACCEPTED'],
    ['rejected', 'accept', 'APPLICATION_ALREADY_REJECTED'],
    ['rejected', 'reject', 'APPLICATION_ALREADY_REJECTED'],
  ] as const)('refuses to %s→%s with %s', (status, decision, code) => {
    expect(() => decideApplication('a1', status, decision)).toThrowError(
      expect.objectContaining({ code, message: expect.stringContaining('a1') }),
    )
  })
})
