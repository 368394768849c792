/** A stored staff API key, as the access guard needs it. */
export interface ApiKeyRecord {
  readonly id: string
  readonly organisationId: string
  /** The administrator the key acts as; null for an organisation key (every right). */
  readonly administratorId: string | null
  /** The parent's key a switched key returns to on logout. */
  readonly switchedFromKeyId: string | null
  readonly expiresAt: Date | null
}

/** Staff API keys, stored as hashes. */
export interface ApiKeyStore {
  create(
    organisationId: string,
    keyHash: string,
    label: string,
    options?: { administratorId?: string; switchedFromKeyId?: string; expiresAt?: Date },
  ): Promise<{ id: string }>
  findActiveByHash(keyHash: string): Promise<ApiKeyRecord | undefined>
  get(id: string): Promise<ApiKeyRecord | undefined>
  revoke(id: string, at: Date): Promise<void>
}
