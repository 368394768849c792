import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from './database'
import { apiKeys } from './shared-schema'
import type { ApiKeyRecord, ApiKeyStore } from './api-key-store'
import { isUuid } from './uuid'

const columns = {
  id: apiKeys.id,
  organisationId: apiKeys.organisationId,
  administratorId: apiKeys.administratorId,
  switchedFromKeyId: apiKeys.switchedFromKeyId,
  expiresAt: apiKeys.expiresAt,
}

/** API keys in PostgreSQL. */
export function createApiKeyStore(db: Database): ApiKeyStore {
  return {
    async create(organisationId, keyHash, label, options = {}) {
      const [row] = await db
        .insert(apiKeys)
        .values({
          organisationId,
          keyHash,
          label,
          administratorId: options.administratorId ?? null,
          switchedFromKeyId: options.switchedFromKeyId ?? null,
          expiresAt: options.expiresAt ?? null,
        })
        .returning({ id: apiKeys.id })
      return row!
    },
    async findActiveByHash(keyHash) {
      const [row] = await db
        .select(columns)
        .from(apiKeys)
        .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
      return row as ApiKeyRecord | undefined
    },
    async get(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db.select(columns).from(apiKeys).where(eq(apiKeys.id, id))
      return row as ApiKeyRecord | undefined
    },
    async revoke(id, at) {
      await db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id))
    },
  }
}
