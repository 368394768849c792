import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from './database'
import { apiKeys } from './shared-schema'
import type { ApiKeyStore } from './api-key-store'

/** API keys in PostgreSQL. */
export function createApiKeyStore(db: Database): ApiKeyStore {
  return {
    async create(organisationId, keyHash, label) {
      const [row] = await db.insert(apiKeys).values({ organisationId, keyHash, label }).returning({ id: apiKeys.id })
      return row!
    },
    async findActiveByHash(keyHash) {
      const [row] = await db
        .select({ id: apiKeys.id, organisationId: apiKeys.organisationId })
        .from(apiKeys)
        .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
      return row
    },
  }
}
