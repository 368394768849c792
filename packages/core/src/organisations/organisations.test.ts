import { describe, expect, it } from 'vitest'
import { checkModuleAccess, fullAccess } from './module-permission'
import { ancestorsOf, checkAttach, childrenOf } from './organisation-tree'
import { checkSwitch } from './admin-scope'
import { multiDivisionLicenceTotal, multiDivisionTotals, umbrellaLicenceTotal } from './structure-licence'

const tree = [
  { id: 'P', parentId: null },
  { id: 'A', parentId: 'P' },
  { id: 'B', parentId: 'P' },
  { id: 'A1', parentId: 'A' },
]

describe('organisation tree', () => {
  it('knows ancestors and children, and refuses cycles', () => {
    expect(ancestorsOf('A1', tree)).toEqual(['A', 'P'])
    expect(childrenOf('P', tree)).toEqual(['A', 'B'])
    expect(() => checkAttach('P', 'A1', tree)).toThrow(expect.objectContaining({ code: 'ORGANISATION_TREE_CYCLE' }))
    expect(() => checkAttach('B', 'B', tree)).toThrow(expect.objectContaining({ code: 'ORGANISATION_TREE_CYCLE' }))
    expect(() => checkAttach('B', 'A', tree)).not.toThrow()
  })
})

describe('admin scopes and module rights', () => {
  const x = { id: 'x-p', organisationId: 'P', loginEmail: 'x@club.de', permissions: fullAccess }
  const xInA = {
    id: 'x-a',
    organisationId: 'A',
    loginEmail: 'X@Club.de ',
    permissions: { members: 'read' as const, finance: 'none' as const },
  }

  it('T2.7 Admin roles and per-module rights (the rules)', () => {
    const into = checkSwitch({ from: x, targetParentId: 'P', targetAdministrators: [xInA] })
    expect(into).toEqual({ allowed: true, administrator: xInA })
    const rights = xInA.permissions
    expect(checkModuleAccess(rights, 'members', 'read')).toEqual({ allowed: true })
    expect(checkModuleAccess(rights, 'members', 'write')).toEqual({ allowed: false, code: 'MODULE_READ_ONLY' })
    expect(checkModuleAccess(rights, 'finance', 'read')).toEqual({ allowed: false, code: 'MODULE_FORBIDDEN' })
    expect(checkModuleAccess(rights, 'appointments', 'read')).toEqual({ allowed: false, code: 'MODULE_FORBIDDEN' })
    expect(checkSwitch({ from: x, targetParentId: 'P', targetAdministrators: [] })).toEqual({ allowed: false, reason: 'no-admin-record' })
    expect(checkSwitch({ from: xInA, targetParentId: 'P', targetAdministrators: [x] })).toEqual({ allowed: false, reason: 'not-a-child' })
  })
})

describe('structure licences', () => {
  it('T2.9 Umbrella licence total and the free-parent threshold', () => {
    const input = { parentLicence: 4199, childLicences: [1938, 3069, 1938], paidChildrenAtTermStart: 3 }
    expect(umbrellaLicenceTotal(input)).toBe(11144)
    const nine = { parentLicence: 4199, childLicences: Array(9).fill(1938), paidChildrenAtTermStart: 9 }
    expect(umbrellaLicenceTotal(nine)).toBe(4199 + 9 * 1938)
    // The tenth paid child is booked during the term: the parent is still charged until the next term.
    const tenth = { ...nine, childLicences: Array(10).fill(1938) }
    expect(umbrellaLicenceTotal(tenth)).toBe(4199 + 10 * 1938)
    expect(umbrellaLicenceTotal({ ...tenth, paidChildrenAtTermStart: 10 })).toBe(10 * 1938)
    expect(
      umbrellaLicenceTotal({ ...tenth, paidChildrenAtTermStart: 10, freeParentThreshold: { count: 10, comparison: 'more-than' } }),
    ).toBe(4199 + 10 * 1938)
  })

  it('T2.10 Multi-division licence total', () => {
    const totals = multiDivisionTotals({ admins: 5, members: 438 }, [
      { admins: 2, members: 89 },
      { admins: 4, members: 273 },
      { admins: 3, members: 76 },
    ])
    expect(totals).toEqual({ admins: 14, members: 876 })
    expect(multiDivisionLicenceTotal({ parentTierPrice: 4199, extraAdminsPrice: 2800, divisionCount: 3 })).toEqual({
      parentLicence: 6999,
      divisionFees: 1500,
      total: 8499,
    })
  })
})
