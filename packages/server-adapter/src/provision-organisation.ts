import type { NewOrganisation, OrganisationRecord, Storage } from './storage/storage'
import { generateApiKey, hashApiKey } from './auth/api-key'

/**
 * Creates an organisation and its first staff API key. The plain key is returned once and never stored.
 * @example const { organisation, apiKey } = await provisionOrganisation(storage, { name: 'TSV Musterstadt' })
 */
export async function provisionOrganisation(
  storage: Storage,
  input: NewOrganisation & { apiKeyLabel?: string },
): Promise<{ organisation: OrganisationRecord; apiKey: string }> {
  return storage.transaction(async (tx) => {
    const organisation = await tx.organisations.create(input)
    const apiKey = generateApiKey()
    await tx.apiKeys.create(organisation.id, hashApiKey(apiKey), input.apiKeyLabel ?? 'initial key')
    return { organisation, apiKey }
  })
}
