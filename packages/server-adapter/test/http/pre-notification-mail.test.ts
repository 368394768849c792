import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { directDebitRun, withDirectDebitSettings } from '../direct-debit-fixtures'
import { pdfText } from '../pdf-text'
import { startSmtpSink } from '../smtp-sink'
import { deliverQueuedMail } from '../../src/capabilities/correspondence/deliver-mail'
import { useServer } from './harness'

const clock = {
  at: new Date('2027-01-04T10:00:00Z'),
  now() {
    return this.at
  },
}

const [pglite] = engines()

describe('pre-notifications by e-mail through SMTP (PGlite)', () => {
  const server = useServer(pglite!, { clock })
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  beforeAll(async () => void (sink = await startSmtpSink()))
  afterAll(() => sink.close())
  const mail = () => ({ smtp: sink.smtp, from: 'post@verein.example', backoffSeconds: [60], maxAttempts: 3 })

  it('sends the club’s SepaMail sender, subject and text with the pre-notification attached, once per debit', async () => {
    const club = await aClubWithFees(server, { members: 2, joinedOn: '2027-01-01', paymentMethod: 'direct-debit' })
    await withDirectDebitSettings(club, {
      preNotificationMailFrom: 'lastschrift@verein.example',
      preNotificationMailSubject: 'Ihre Lastschrift im Januar',
      preNotificationMailBody: 'Hallo,\nwir buchen bald ab.',
    })
    for (const m of club.memberships) {
      const [mandate] = (await club.staff('GET', `/memberships/${m.id}/mandates`)).mandates
      await club.staff('PATCH', `/mandates/${mandate.id}`, { preNotificationChannel: 'email' })
    }
    const charges = await club.staff('POST', '/charge-runs/preview', { asOf: '2027-01-04' })
    await club.staff('POST', '/charge-runs', { asOf: '2027-01-04', idempotencyKey: charges.idempotencyKey })
    const { run } = await directDebitRun(club, '2027-01-20')
    const before = sink.received.length
    const first = await club.staff('POST', `/direct-debit-runs/${run.id}/pre-notifications`)
    await deliverQueuedMail(server.storage, mail(), clock)
    const mails = sink.received.slice(before)
    expect(first).toEqual({ created: 2, retried: 0, alreadySent: 0 })
    expect(mails).toHaveLength(2)
    expect(mails[0]).toMatchObject({ subject: 'Ihre Lastschrift im Januar' })
    expect(mails[0]!.from?.text).toContain('lastschrift@verein.example')
    expect(mails[0]!.text).toContain('wir buchen bald ab.')
    const text = (await pdfText(new Uint8Array(mails[0]!.attachments[0]!.content))).join('\n')
    expect(text).toContain('20.01.2027')
    expect(text).toContain('96,00 €')
    const again = await club.staff('POST', `/direct-debit-runs/${run.id}/pre-notifications`)
    await deliverQueuedMail(server.storage, mail(), clock)
    expect(again).toMatchObject({ created: 0, alreadySent: first.created })
    expect(sink.received.length).toBe(before + mails.length)
    const states = (await club.staff('GET', `/direct-debit-runs/${run.id}`)).debits.map(
      (d: { preNotification: string }) => d.preNotification,
    )
    expect(states).toEqual(['sent', 'sent'])
  })
})
