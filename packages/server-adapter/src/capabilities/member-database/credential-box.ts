import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { VereinskitError } from '@vereinskit/core'

/**
 * Connector credentials at rest: AES-256-GCM under a key derived (SHA-256) from the server's secret, with a random
 * 96-bit nonce per value. The stored text is `v1.<nonce>.<tag>.<ciphertext>` in base64url. Without the secret the
 * server cannot configure connectors; the credentials are never returned by any route.
 */
export function sealCredentials(secret: string | undefined, value: object): string {
  const key = keyOf(secret)
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  return ['v1', nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

/** Opens sealed credentials; throws CONNECTOR_NOT_CONFIGURED when the secret changed or the text was altered. */
export function openCredentials<T>(secret: string | undefined, sealed: string): T {
  const key = keyOf(secret)
  const [version, nonce, tag, body] = sealed.split('.')
  try {
    if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('format')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    return JSON.parse(text) as T
  } catch {
    throw new VereinskitError(
      'CONNECTOR_NOT_CONFIGURED',
      'The stored connector credentials cannot be read with this server secret; enter them again.',
    )
  }
}

function keyOf(secret: string | undefined): Buffer {
  if (!secret || secret.length < 16) {
    throw new VereinskitError(
      'CONNECTOR_NOT_CONFIGURED',
      'The server has no secret key (at least 16 characters) to store connector credentials.',
    )
  }
  return createHash('sha256').update(secret).digest()
}
