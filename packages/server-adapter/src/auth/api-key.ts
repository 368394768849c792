import { createHash, randomBytes } from 'node:crypto'

/**
 * A new staff API key: `vk_` and 32 random bytes (base64url). It is shown once; only its hash is stored.
 * SHA-256 (not a password hash such as argon2) is right here because the key has 256 bits of entropy
 * (docs/decisions/0006).
 */
export function generateApiKey(): string {
  return `vk_${randomBytes(32).toString('base64url')}`
}

/** The stored form of an API key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/** Reads `Authorization: Bearer <key>`; `undefined` when absent or malformed. */
export function readBearerKey(header: string | null): string | undefined {
  const match = header ? /^Bearer\s+(vk_[A-Za-z0-9_-]{20,100})\s*$/.exec(header) : null
  return match?.[1]
}
