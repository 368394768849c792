import type { CredentialRights, SyncRecord } from '@vereinskit/core/sync'
import { MemberDatabaseCallError, type MemberDatabaseConnector, type RemoteChange } from './member-database-connector'

/**
 * The reference connector for a simple REST member database (docs/guides/member-database-connector.md):
 * `GET /rights`, `POST /members`, `PATCH /members/:id`, `DELETE /members/:id`, `GET /changes?since=`,
 * `GET /member-ids`, HTTP Basic authentication and an `Idempotency-Key` header on every write. Each call has a
 * timeout; a timeout, a dropped connection and a 5xx are `unavailable` (retried), a 4xx is `refused`.
 */
export function restMemberDatabaseConnector(options: {
  baseUrl: string
  username: string
  password: string
  timeoutMs?: number
  fetch?: typeof fetch
}): MemberDatabaseConnector {
  const doFetch = options.fetch ?? fetch
  const authorization = `Basic ${btoa(`${options.username}:${options.password}`)}`
  const base = options.baseUrl.replace(/\/+$/, '')
  async function call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T | undefined> {
    let response: Response
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      })
    } catch (error) {
      throw new MemberDatabaseCallError(`The member database did not answer ${method} ${path}: ${(error as Error).message}`, 'unavailable')
    }
    if (response.status === 401 || response.status === 403) {
      throw new MemberDatabaseCallError('The member database refused the credentials.', 'credentials')
    }
    if (method === 'DELETE' && response.status === 404) return undefined
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw new MemberDatabaseCallError(`The answer to ${method} ${path} broke off: ${(error as Error).message}`, 'unavailable')
    }
    if (response.status >= 500)
      throw new MemberDatabaseCallError(`The member database answered ${response.status} to ${method} ${path}.`, 'unavailable')
    if (!response.ok)
      throw new MemberDatabaseCallError(
        `The member database refused ${method} ${path} (${response.status}): ${text.slice(0, 200)}`,
        'refused',
      )
    if (text === '') return undefined
    try {
      return JSON.parse(text) as T
    } catch {
      throw new MemberDatabaseCallError(`The answer to ${method} ${path} is not JSON.`, 'unavailable')
    }
  }
  return {
    async checkCredentials() {
      const answer = await call<{ rights: CredentialRights }>('GET', '/rights')
      if (answer?.rights !== 'admin' && answer?.rights !== 'write' && answer?.rights !== 'read') {
        throw new MemberDatabaseCallError('The member database did not say what the credentials may do.', 'refused')
      }
      return answer.rights
    },
    async create(record, key) {
      const answer = await call<{ id: string }>('POST', '/members', record, key)
      if (typeof answer?.id !== 'string') throw new MemberDatabaseCallError('The member database created no id.', 'unavailable')
      return { remoteId: answer.id }
    },
    async update(remoteId, fields: SyncRecord, key) {
      await call('PATCH', `/members/${encodeURIComponent(remoteId)}`, fields, key)
    },
    async remove(remoteId, key) {
      await call('DELETE', `/members/${encodeURIComponent(remoteId)}`, undefined, key)
    },
    async changesSince(cursor) {
      const answer = await call<{ changes: RemoteChange[]; cursor: string | null }>(
        'GET',
        `/changes${cursor === null ? '' : `?since=${encodeURIComponent(cursor)}`}`,
      )
      if (!answer || !Array.isArray(answer.changes)) throw new MemberDatabaseCallError('The change feed is malformed.', 'unavailable')
      return { changes: answer.changes, cursor: answer.cursor ?? cursor }
    },
    async listIds() {
      const answer = await call<{ ids: string[] }>('GET', '/member-ids')
      if (!answer || !Array.isArray(answer.ids)) throw new MemberDatabaseCallError('The id list is malformed.', 'unavailable')
      return answer.ids
    },
  }
}
