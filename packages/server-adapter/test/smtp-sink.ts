import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'

/**
 * A local SMTP server that keeps what it receives; `failNext` makes the next messages fail the way real servers do:
 * a temporary refusal (451), a permanent one (550), or a connection dropped in the middle of the data.
 */
export async function startSmtpSink() {
  const received: ParsedMail[] = []
  const failures: ('temporary' | 'permanent' | 'drop')[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const failure = failures.shift()
      if (failure === 'drop') {
        stream.resume()
        session.remoteAddress && (stream as unknown as { destroy(): void }).destroy?.()
        ;(server as unknown as { connections: Set<{ close(): void }> }).connections?.forEach((c) => c.close())
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', async () => {
        if (failure === 'temporary') return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
        if (failure === 'permanent') return callback(Object.assign(new Error('No such user'), { responseCode: 550 }))
        received.push(await simpleParser(Buffer.concat(chunks)))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    received,
    failNext: (...kinds: ('temporary' | 'permanent' | 'drop')[]) => failures.push(...kinds),
    smtp: { host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 2000, socketTimeout: 2000 },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
