/** A customer as the external CRM knows it: the fields the drift check compares, and what is shown. */
export interface ExternalCustomer {
  readonly externalId: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string | null
  readonly phone?: string | null
  readonly city?: string | null
}

/**
 * The small interface a CRM connector implements (reference-only links, REF-01–REF-06): nothing it answers is stored;
 * it is loaded when needed. `extras` is the extension point for what a provider offers beyond the record (a
 * consultation or offer history, REF-06).
 */
export interface CustomerDirectory {
  /** Whether the stored credentials are accepted; a connector that cannot tell throws. */
  checkCredentials(): Promise<boolean>
  /** The customer now; undefined when it does not exist (any more). */
  get(externalId: string): Promise<ExternalCustomer | undefined>
  search(text: string): Promise<ExternalCustomer[]>
  extras?(externalId: string): Promise<Record<string, unknown>>
}

/** How the server builds a connector for an organisation's stored connection. */
export type CustomerDirectoryFactory = (connection: { baseUrl: string; token: string }) => CustomerDirectory

/** The CRM integration a host wires in. */
export interface CrmIntegration {
  readonly secretKey?: string
  readonly connect?: CustomerDirectoryFactory
}

/**
 * The reference connector for a simple REST CRM: `GET /me`, `GET /customers/:id`, `GET /customers?q=`, with a bearer
 * token. A 401 from `/me` means invalid credentials; a 404 for a customer means it is gone.
 */
export function restCustomerDirectory(connection: {
  baseUrl: string
  token: string
  fetch?: typeof fetch
  timeoutMs?: number
}): CustomerDirectory {
  const doFetch = connection.fetch ?? fetch
  const base = connection.baseUrl.replace(/\/+$/, '')
  const call = (path: string) =>
    doFetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${connection.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(connection.timeoutMs ?? 5000),
    })
  const customer = (c: Record<string, unknown>): ExternalCustomer => ({
    externalId: String(c['id']),
    firstName: String(c['firstName'] ?? ''),
    lastName: String(c['lastName'] ?? ''),
    email: typeof c['email'] === 'string' ? c['email'] : null,
    phone: typeof c['phone'] === 'string' ? c['phone'] : null,
    city: typeof c['city'] === 'string' ? c['city'] : null,
  })
  return {
    async checkCredentials() {
      const response = await call('/me')
      if (response.status === 401 || response.status === 403) return false
      if (!response.ok) throw new Error(`The CRM answered ${response.status} to /me.`)
      return true
    },
    async get(externalId) {
      const response = await call(`/customers/${encodeURIComponent(externalId)}`)
      if (response.status === 404 || response.status === 410) return undefined
      if (!response.ok) throw new Error(`The CRM answered ${response.status}.`)
      return customer((await response.json()) as Record<string, unknown>)
    },
    async search(text) {
      const response = await call(`/customers?q=${encodeURIComponent(text)}`)
      if (!response.ok) throw new Error(`The CRM answered ${response.status}.`)
      const body = (await response.json()) as { items?: Record<string, unknown>[] }
      return (body.items ?? []).map(customer)
    },
  }
}
