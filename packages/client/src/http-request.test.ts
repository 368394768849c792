import { describe, expect, it } from 'vitest'
import { httpRequest, type HttpSettings } from './http-request'

function settings(answers: (Response | Error)[], seen: { url: string; init: RequestInit }[]): HttpSettings {
  return {
    baseUrl: 'https://verein.example/api/',
    headers: { accept: 'application/json' },
    timeout: 1000,
    fetch: async (url, init) => {
      seen.push({ url: String(url), init: init ?? {} })
      const next = answers.shift()!
      if (next instanceof Error) throw next
      return next
    },
  }
}

describe('httpRequest', () => {
  it('joins base URL, path and query, and sends JSON with its content type', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const response = await httpRequest(settings([new Response('{}', { status: 201 })], seen), {
      method: 'POST',
      path: '/public/organisations/o 1/applications',
      searchParams: new URLSearchParams({ limit: '5' }),
      json: { a: 1 },
    })
    expect(response.status).toBe(201)
    expect(seen[0]!.url).toBe('https://verein.example/api/public/organisations/o 1/applications?limit=5')
    expect(seen[0]!.init).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
    })
  })

  it('tries a read again after a network error or a gateway error, twice at most', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const answers = [new TypeError('offline'), new Response('', { status: 503 }), new Response('ok')]
    expect((await httpRequest(settings(answers, seen), { method: 'GET', path: 'x' })).status).toBe(200)
    expect(seen).toHaveLength(3)
    const failing = [new TypeError('a'), new TypeError('b'), new TypeError('c'), new Response('never')]
    await expect(httpRequest(settings(failing, []), { method: 'GET', path: 'x' })).rejects.toThrow('c')
  })

  it('never repeats a write, and answers error statuses instead of throwing', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    await expect(
      httpRequest(settings([new TypeError('offline'), new Response('')], seen), { method: 'POST', path: 'x', json: {} }),
    ).rejects.toThrow('offline')
    expect(seen).toHaveLength(1)
    expect((await httpRequest(settings([new Response('', { status: 503 })], []), { method: 'POST', path: 'x' })).status).toBe(503)
  })

  it('gives up when the caller aborts', async () => {
    const controller = new AbortController()
    controller.abort(new Error('left the page'))
    await expect(
      httpRequest(settings([new TypeError('offline'), new Response('')], []), { method: 'GET', path: 'x', signal: controller.signal }),
    ).rejects.toThrow('offline')
  })
})
