import type { OrganisationRecord } from '../storage/storage'

/**
 * May a browser page from `origin` call this organisation's public routes? Requests without an `Origin` header
 * (server-to-server) and same-origin requests are allowed; other origins must be listed by the organisation.
 */
export function isOriginAllowed(origin: string | null, organisation: OrganisationRecord, requestUrl: string): boolean {
  if (origin === null) return true
  if (origin === new URL(requestUrl).origin) return true
  return organisation.websiteOrigins.includes(origin)
}

/** Response headers that let an allowed origin read the response. */
export function corsHeaders(origin: string | null): Record<string, string> {
  if (origin === null) return {}
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  }
}

/** Headers answering a preflight request from an allowed origin. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type, accept-language',
    'access-control-max-age': '600',
  }
}
