import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClub, submissionFor } from '../fixtures'
import { useServer } from './harness'

const [engine] = engines()

describe('public routes answer an embedded form readably, whatever goes wrong', () => {
  const server = useServer(engine!)
  const origin = 'https://tsv-test.example'

  it('carries CORS headers on 422, 429 and on the refusal of an origin that is not allowed', async () => {
    const club = await aClub(server.storage)
    const submit = (clientAddress: string, from = origin) =>
      server.call('POST', `/public/organisations/${club.organisation.id}/applications`, {
        body: submissionFor(club, { lastName: '' }),
        origin: from,
        clientAddress,
      })
    const invalid = await submit('198.51.100.9')
    expect(invalid.status).toBe(422)
    expect(invalid.headers.get('access-control-allow-origin')).toBe(origin)
    for (let i = 0; i < 10; i += 1) await submit('198.51.100.10')
    const limited = await submit('198.51.100.10')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('access-control-allow-origin')).toBe(origin)
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after')
    const foreign = await server.call('GET', `/public/organisations/${club.organisation.id}/application-form`, {
      origin: 'https://other.example',
    })
    expect(foreign).toMatchObject({ status: 403, json: { code: 'ORIGIN_NOT_ALLOWED' } })
    // Readable by the page, so the component can tell "not allowed here" from "server down"; it carries no data.
    expect(foreign.headers.get('access-control-allow-origin')).toBe('https://other.example')
  })

  it('stops reading a chunked body without Content-Length at the limit', async () => {
    const club = await aClub(server.storage)
    let pulled = 0
    const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024)}",`)
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        if (pulled > 3200)
          controller.close() // 50 MiB if read whole
        else controller.enqueue(chunk)
      },
    })
    const request = new Request(`http://api.test/public/organisations/${club.organisation.id}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body,
      duplex: 'half',
    } as RequestInit)
    const response = await server.handler(request, { clientAddress: '198.51.100.11' })
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(20)
  })
})
