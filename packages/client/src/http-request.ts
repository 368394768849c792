/** How the client talks HTTP: base URL, default headers, a timeout, and retries of reads. */
export interface HttpSettings {
  readonly baseUrl: string
  readonly headers: Readonly<Record<string, string>>
  readonly timeout: number
  readonly fetch: typeof fetch
  /** How many times a GET is tried again after a network error or a 502/503/504; default 2. */
  readonly retries?: number
}

/** One request: method, path below the base URL, query and JSON body. */
export interface HttpCall {
  readonly method: string
  readonly path: string
  readonly searchParams?: URLSearchParams
  readonly json?: unknown
  readonly signal?: AbortSignal
}

const retryStatuses = new Set([502, 503, 504])

/**
 * Sends one request with `fetch`: the timeout aborts it, a GET is retried (300 ms, then 600 ms later) when the
 * network fails or a gateway answers 502/503/504; writes are never retried, since they may have arrived. Error
 * statuses are answered, not thrown: the caller reads the problem document. (Our own 40 lines instead of ky, which
 * weighed 4 KiB gzipped of the form page's 25 KiB budget; see docs/decisions/0014.)
 */
export async function httpRequest(settings: HttpSettings, call: HttpCall): Promise<Response> {
  const query = call.searchParams?.toString()
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/${call.path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`
  const attempts = call.method === 'GET' ? 1 + (settings.retries ?? 2) : 1
  for (let attempt = 1; ; attempt += 1) {
    const timeout = AbortSignal.timeout(settings.timeout)
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout
    try {
      const response = await settings.fetch(url, {
        method: call.method,
        headers: { ...settings.headers, ...(call.json !== undefined && { 'content-type': 'application/json' }) },
        ...(call.json !== undefined && { body: JSON.stringify(call.json) }),
        signal,
      })
      if (attempt < attempts && retryStatuses.has(response.status)) {
        await pause(300 * attempt, call.signal)
        continue
      }
      return response
    } catch (error) {
      if (call.signal?.aborted || attempt >= attempts) throw error
      await pause(300 * attempt, call.signal)
    }
  }
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true })
  })
}
