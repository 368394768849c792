import { personFromSubmission } from '../../src/capabilities/applications/person-from-submission'
import { afterAll, beforeAll, describe } from 'vitest'
import { ApplicationSubmission } from '@vereinskit/core/applications'
import { anApplicationSubmission } from '@vereinskit/core/testing'
import { createPostgresStorage } from '../../src/storage/create-postgres-storage'
import type { DatabaseConnection } from '../../src/storage/database'
import type { Storage } from '../../src/storage/storage'
import type { OrganisationStorage } from '../../src/storage/organisation-storage'
import { engines } from '../engines'
import { aClub } from '../fixtures'

/** Opens a fresh storage (and the connection under it) for one suite. */
export type StorageFactory = () => Promise<{ storage: Storage; connection: DatabaseConnection; close(): Promise<void> }>

/** One factory per engine: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function storageFactories(): { name: string; open: StorageFactory }[] {
  return engines().map((engine) => ({
    name: engine.name,
    async open() {
      const connection = await engine.open()
      return { storage: createPostgresStorage(connection), connection, close: () => connection.close() }
    },
  }))
}

/** What a store suite is given: the storage under test and helpers to make its fixtures. */
export interface StoreSuite {
  storage(): Storage
  connection(): DatabaseConnection
  /** The engine's name, for suites that differ (several connections exist on PostgreSQL only). */
  readonly engine: string
  /** A fresh organisation (with its fee-class groups) and its scoped storage. */
  club(): Promise<Awaited<ReturnType<typeof aClub>> & { store: OrganisationStorage }>
  /** A person and a membership in that organisation. */
  member(store: OrganisationStorage, number: number): Promise<{ id: string; personId: string }>
}

/**
 * The storage port's contract for one store, run against every factory. Each store has its own suite file under
 * `test/storage/`; a new implementation of the port passes when every suite passes with its factory.
 */
export function describeStore(store: string, suite: (s: StoreSuite) => void, factories = storageFactories()): void {
  for (const factory of factories) {
    describe(`${store} store on ${factory.name}`, () => {
      let opened: Awaited<ReturnType<StorageFactory>>
      beforeAll(async () => {
        opened = await factory.open()
      })
      afterAll(() => opened.close())
      const storage = () => opened.storage
      suite({
        storage,
        connection: () => opened.connection,
        engine: factory.name,
        async club() {
          const club = await aClub(storage())
          return { ...club, store: storage().forOrganisation(club.organisation.id) }
        },
        async member(store, number) {
          const person = await store.people.create(
            personFromSubmission(ApplicationSubmission.parse(anApplicationSubmission())),
            { actor: 'test', at: new Date('2026-01-01T00:00:00Z') },
            { asContact: true },
          )
          const membership = await store.memberships.create({
            personId: person.id,
            number,
            feeClassGroupId: null,
            joinedOn: '2026-01-01',
            paymentMethod: 'invoice',
          })
          return { id: membership.id, personId: person.id }
        },
      })
    })
  }
}
