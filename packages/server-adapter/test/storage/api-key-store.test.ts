import { expect, it } from 'vitest'
import { hashApiKey } from '../../src/auth/api-key'
import { describeStore } from './storage-contract'

describeStore('api key', (s) => {
  it('finds API keys by hash only, with their organisation', async () => {
    const { organisation, apiKey } = await s.club()
    expect(await s.storage().apiKeys.findActiveByHash(hashApiKey(apiKey))).toMatchObject({ organisationId: organisation.id })
    expect(await s.storage().apiKeys.findActiveByHash(apiKey)).toBeUndefined()
  })

  it('issues further keys that each find their organisation, and refuses a hash twice', async () => {
    const a = await s.club()
    const b = await s.club()
    const created = await s.storage().apiKeys.create(b.organisation.id, hashApiKey('vk_second'), 'laptop')
    expect(await s.storage().apiKeys.findActiveByHash(hashApiKey('vk_second'))).toEqual({
      id: created.id,
      organisationId: b.organisation.id,
      administratorId: null,
      switchedFromKeyId: null,
      expiresAt: null,
    })
    await expect(s.storage().apiKeys.create(a.organisation.id, hashApiKey('vk_second'), 'again')).rejects.toThrow()
  })

  it('revokes a key, and finds it by id only in its own record', async () => {
    const a = await s.club()
    const created = await s
      .storage()
      .apiKeys.create(a.organisation.id, hashApiKey('vk_third'), 'switch', { expiresAt: new Date('2030-01-01T00:00:00Z') })
    expect(await s.storage().apiKeys.get(created.id)).toMatchObject({
      organisationId: a.organisation.id,
      expiresAt: new Date('2030-01-01T00:00:00Z'),
    })
    await s.storage().apiKeys.revoke(created.id, new Date('2029-01-01T00:00:00Z'))
    expect(await s.storage().apiKeys.findActiveByHash(hashApiKey('vk_third'))).toBeUndefined()
    expect(await s.storage().apiKeys.get('not-a-uuid')).toBeUndefined()
  })
})
