/** Staff API keys, stored as hashes. */
export interface ApiKeyStore {
  create(organisationId: string, keyHash: string, label: string): Promise<{ id: string }>
  findActiveByHash(keyHash: string): Promise<{ id: string; organisationId: string } | undefined>
}
