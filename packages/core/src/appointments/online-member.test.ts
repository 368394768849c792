import { describe, expect, it } from 'vitest'
import { checkOnlineMember, type OnlineMemberCandidate } from './online-member'

const member: OnlineMemberCandidate = { dateOfBirth: '1980-05-17', endsOn: null, archivedOn: null, onlineAppointmentsBlocked: false }
const today = '2031-06-18'
const codeOf = (candidate: OnlineMemberCandidate | undefined, dateOfBirth = '1980-05-17') => {
  try {
    checkOnlineMember(candidate, dateOfBirth, today)
    return 'ok'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe('who may book online', () => {
  it.each([
    ['a current member with the right date of birth', member, '1980-05-17', 'ok'],
    ['a membership ending today', { ...member, endsOn: today }, '1980-05-17', 'ok'],
    ['a wrong date of birth', member, '1980-05-18', 'MEMBER_NOT_IDENTIFIED'],
    ['an unknown number', undefined, '1980-05-17', 'MEMBER_NOT_IDENTIFIED'],
    ['no date of birth on file', { ...member, dateOfBirth: null }, '1980-05-17', 'MEMBER_NOT_IDENTIFIED'],
    ['a membership that ended yesterday', { ...member, endsOn: '2031-06-17' }, '1980-05-17', 'MEMBER_NOT_IDENTIFIED'],
    ['an archived membership', { ...member, archivedOn: '2030-01-01' }, '1980-05-17', 'MEMBER_NOT_IDENTIFIED'],
    ['Sperre Online-Termine', { ...member, onlineAppointmentsBlocked: true }, '1980-05-17', 'ONLINE_BOOKING_BLOCKED'],
    [
      'Sperre Online-Termine with a wrong date of birth',
      { ...member, onlineAppointmentsBlocked: true },
      '1980-01-01',
      'MEMBER_NOT_IDENTIFIED',
    ],
  ] as const)('%s → %s', (_, candidate, dateOfBirth, expected) => {
    expect(codeOf(candidate, dateOfBirth)).toBe(expected)
  })
})
