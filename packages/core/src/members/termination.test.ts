import { describe, expect, it } from 'vitest'
import { terminationEnd } from './termination'

const notice = { months: 3, effectiveAt: 'year-end' } as const
const member = { joinedOn: '2020-01-01', endsOn: null }
const code = (work: () => unknown) => {
  try {
    work()
  } catch (error) {
    const e = error as { code: string; issues: { code: string }[] }
    return e.issues[0]?.code ?? e.code
  }
  return 'none'
}

describe('terminations (handbook §11.6 rules 43–49, docs/decisions/0000#d22)', () => {
  it('ends on the earliest day the notice allows unless a later day is given', () => {
    expect(terminationEnd(member, { receivedOn: '2026-09-30', overrideNoticePeriod: false }, notice, '2026-11-23')).toBe('2026-12-31')
    expect(terminationEnd(member, { receivedOn: '2026-10-01', overrideNoticePeriod: false }, notice, '2026-11-23')).toBe('2027-12-31')
    expect(
      terminationEnd(member, { receivedOn: '2026-10-01', endsOn: '2028-12-31', overrideNoticePeriod: false }, notice, '2026-11-23'),
    ).toBe('2028-12-31')
  })
  it('refuses an earlier end unless overridden, a receipt before joining or in the future, and an end before joining', () => {
    expect(
      code(() =>
        terminationEnd(member, { receivedOn: '2026-10-01', endsOn: '2026-12-31', overrideNoticePeriod: false }, notice, '2026-11-23'),
      ),
    ).toBe('NOTICE_PERIOD_NOT_MET')
    expect(
      terminationEnd(member, { receivedOn: '2026-10-01', endsOn: '2026-10-31', overrideNoticePeriod: true }, notice, '2026-11-23'),
    ).toBe('2026-10-31')
    expect(code(() => terminationEnd(member, { receivedOn: '2026-12-01', overrideNoticePeriod: false }, notice, '2026-11-23'))).toBe(
      'out-of-range',
    )
    expect(code(() => terminationEnd(member, { receivedOn: '2019-12-31', overrideNoticePeriod: false }, notice, '2026-11-23'))).toBe(
      'out-of-range',
    )
    expect(
      code(() =>
        terminationEnd(member, { receivedOn: '2020-01-02', endsOn: '2019-06-30', overrideNoticePeriod: true }, notice, '2026-11-23'),
      ),
    ).toBe('before-joining')
  })
  it('a membership that has ended is terminated again only with the override', () => {
    const ended = { joinedOn: '2020-01-01', endsOn: '2025-12-31' }
    expect(code(() => terminationEnd(ended, { receivedOn: '2026-01-05', overrideNoticePeriod: false }, notice, '2026-11-23'))).toBe(
      'already-ended',
    )
    expect(
      terminationEnd(ended, { receivedOn: '2026-01-05', endsOn: '2026-01-31', overrideNoticePeriod: true }, notice, '2026-11-23'),
    ).toBe('2026-01-31')
  })
})
