import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApplicationSubmission, lowestFreeNumber } from '@vereinskit/core'
import { hashApiKey } from '../src/auth/api-key'
import { createPostgresStorage } from '../src/storage/postgres/create-postgres-storage'
import type { DatabaseConnection } from '../src/storage/database'
import type { Storage } from '../src/storage/storage'
import { aClub, submissionFor } from './fixtures'
import type { Engine } from './engines'

const arrived = { submittedAt: new Date('2026-11-23T10:00:00Z'), submittedOn: '2026-11-23' }

/** The storage port's contract; every implementation must pass it. */
export function runStorageContract(engine: Engine) {
  describe(`storage contract on ${engine.name}`, () => {
    let connection: DatabaseConnection
    let storage: Storage
    beforeAll(async () => {
      connection = await engine.open()
      storage = createPostgresStorage(connection.db)
    })
    afterAll(() => connection.close())

    const parse = (input: unknown) => ApplicationSubmission.parse(input)

    it('creates and reads organisations with defaults; unknown and malformed ids are not found', async () => {
      const { organisation } = await aClub(storage)
      expect(await storage.organisations.get(organisation.id)).toEqual(organisation)
      expect(organisation.timeZone).toBe('Europe/Berlin')
      expect(organisation.websiteOrigins).toEqual(['https://tsv-test.example'])
      expect(await storage.organisations.get('00000000-0000-4000-8000-000000000000')).toBeUndefined()
      expect(await storage.organisations.get("x' or 1=1 --")).toBeUndefined()
    })

    it('finds API keys by hash only', async () => {
      const { organisation, apiKey } = await aClub(storage)
      expect(await storage.apiKeys.findActiveByHash(hashApiKey(apiKey))).toMatchObject({ organisationId: organisation.id })
      expect(await storage.apiKeys.findActiveByHash(apiKey)).toBeUndefined()
    })

    it('keeps fee-class groups per organisation, with at most one default', async () => {
      const a = await aClub(storage)
      const b = await aClub(storage)
      expect((await storage.feeClassGroups.list(a.organisation.id)).map((g) => g.id).sort()).toEqual(
        Object.values(a.groups)
          .map((g) => g.id)
          .sort(),
      )
      expect((await storage.feeClassGroups.list(b.organisation.id)).some((g) => g.id === a.groups.adults.id)).toBe(false)
      await expect(
        storage.feeClassGroups.create(a.organisation.id, {
          name: 'Zweiter Standard',
          description: null,
          offeredOnline: true,
          isDefault: true,
        }),
      ).rejects.toThrow()
    })

    it('stores applications as submitted and lists them newest first, page by page, per organisation', async () => {
      const club = await aClub(storage)
      const other = await aClub(storage)
      const ids: string[] = []
      for (const [i, lastName] of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].entries()) {
        const at = { submittedAt: new Date(Date.UTC(2026, 10, 23, 10, i)), submittedOn: '2026-11-23' }
        ids.push((await storage.applications.insert(club.organisation.id, parse(submissionFor(club, { lastName })), at)).id)
      }
      await storage.applications.insert(other.organisation.id, parse(submissionFor(other)), arrived)

      const first = await storage.applications.list(club.organisation.id, { limit: 2 })
      const second = await storage.applications.list(club.organisation.id, { limit: 2, cursor: first.nextCursor! })
      const third = await storage.applications.list(club.organisation.id, { limit: 2, cursor: second.nextCursor! })
      const listed = [...first.items, ...second.items, ...third.items]
      expect(third.nextCursor).toBeNull()
      expect(listed.map((a) => a.id).sort()).toEqual([...ids].sort())
      expect(listed.map((a) => a.submittedAt)).toEqual([...listed.map((a) => a.submittedAt)].sort().reverse())
      expect(listed[0]).toMatchObject({ status: 'pending', feeClassGroupName: 'Erwachsene', membershipNumber: null })
      expect(await storage.applications.get(other.organisation.id, ids[0]!)).toBeUndefined()
      await expect(storage.applications.list(club.organisation.id, { limit: 2, cursor: 'garbage' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      })
    })

    it('rolls a transaction back completely when its work fails', async () => {
      const club = await aClub(storage)
      await expect(
        storage.transaction(async (tx) => {
          await tx.applications.insert(club.organisation.id, parse(submissionFor(club)), arrived)
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect((await storage.applications.list(club.organisation.id, { limit: 10 })).items).toEqual([])
    })

    it('shows a person only through a membership of the asking organisation', async () => {
      const club = await aClub(storage)
      const other = await aClub(storage)
      const person = await storage.persons.create(parse(submissionFor(club)))
      const membership = await storage.memberships.create(club.organisation.id, {
        personId: person.id,
        number: 1000,
        feeClassGroupId: club.groups.adults.id,
        joinedOn: '2026-11-23',
        paymentMethod: 'invoice',
      })
      expect((await storage.memberships.get(club.organisation.id, membership.id))?.person.lastName).toBe('Mustermann')
      expect(await storage.memberships.get(other.organisation.id, membership.id)).toBeUndefined()
      expect(await storage.memberships.lowestFreeNumber(club.organisation.id, 1000)).toBe(1001)
      expect(await storage.memberships.lowestFreeNumber(other.organisation.id, 1000)).toBe(1000)
    })

    it('finds the next free number in sequence, not above the highest: an imported top number does not move it', async () => {
      const club = await aClub(storage)
      const person = await storage.persons.create(parse(submissionFor(club)))
      const taken = [1000, 1001, 1003, 1999, 5]
      for (const number of taken) {
        await storage.memberships.create(club.organisation.id, {
          personId: person.id,
          number,
          feeClassGroupId: null,
          joinedOn: '2026-01-01',
          paymentMethod: 'invoice',
        })
      }
      expect(await storage.memberships.lowestFreeNumber(club.organisation.id, 1000)).toBe(lowestFreeNumber(1000, taken))
      expect(await storage.memberships.lowestFreeNumber(club.organisation.id, 1000)).toBe(1002)
      expect(await storage.memberships.lowestFreeNumber(club.organisation.id, 1999)).toBe(2000)
      expect(await storage.memberships.lowestFreeNumber(club.organisation.id, 4)).toBe(4)
      expect(await storage.memberships.lowestFreeNumber(club.organisation.id, 5)).toBe(6)
    })

    it('refuses a duplicate membership number and a mandate reference differing only in case', async () => {
      const club = await aClub(storage)
      const person = await storage.persons.create(parse(submissionFor(club)))
      const input = { personId: person.id, number: 1500, feeClassGroupId: null, joinedOn: '2026-01-01', paymentMethod: 'invoice' as const }
      const membership = await storage.memberships.create(club.organisation.id, input)
      await expect(storage.memberships.create(club.organisation.id, input)).rejects.toThrow()
      const mandate = {
        personId: person.id,
        membershipId: membership.id,
        reference: 'TSV-1500-1',
        accountHolder: 'Erika Mustermann',
        iban: 'DE89370400440532013000',
        bic: null,
        creditorId: 'DE98ZZZ09999999999',
        signedOn: '2026-01-01',
      }
      await storage.memberships.createMandate(club.organisation.id, mandate)
      await expect(storage.memberships.createMandate(club.organisation.id, { ...mandate, reference: 'tsv-1500-1' })).rejects.toThrow()
    })
  })
}
