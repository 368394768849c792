import { ValidationError, VereinskitError } from '@vereinskit/core'

/**
 * Reads a JSON request body of at most `maxBytes`. The limit applies while reading, so a chunked body without
 * `Content-Length` is cut off at the limit instead of being buffered whole. An empty body reads as `{}`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new VereinskitError('PAYLOAD_TOO_LARGE', `The request body exceeds ${maxBytes} bytes.`)
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > maxBytes) throw tooLarge()
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge()
      }
      chunks.push(value)
    }
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ValidationError([{ path: '', code: 'invalid-utf8', message: 'The request body is not valid UTF-8.' }])
  }
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new ValidationError([{ path: '', code: 'invalid-json', message: 'The request body is not valid JSON.' }])
  }
}
