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

/**
 * Issues another staff API key for an organisation (a lost key cannot be shown again; issue a new one).
 * @example const apiKey = await issueStaffApiKey(storage, organisation.id, 'treasurer laptop')
 */
export async function issueStaffApiKey(storage: Storage, organisationId: string, label: string): Promise<string> {
  const apiKey = generateApiKey()
  await storage.apiKeys.create(organisationId, hashApiKey(apiKey), label)
  return apiKey
}
