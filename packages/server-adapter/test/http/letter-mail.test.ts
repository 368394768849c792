import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { dunningRun, withDunningLevels } from '../dunning-fixtures'
import { pdfText } from '../pdf-text'
import { startSmtpSink } from '../smtp-sink'
import { deliverQueuedMail } from '../../src/capabilities/correspondence/deliver-mail'
import { useServer } from './harness'

const clock = {
  at: new Date('2025-05-20T10:00:00Z'),
  now() {
    return this.at
  },
}
const later = (minutes: number) => (clock.at = new Date(clock.at.getTime() + minutes * 60_000))

for (const engine of engines()) {
  describe(`letters by e-mail through SMTP (${engine.name})`, () => {
    const server = useServer(engine, { clock })
    let sink: Awaited<ReturnType<typeof startSmtpSink>>
    beforeAll(async () => void (sink = await startSmtpSink()))
    afterAll(() => sink.close())
    const settings = () => ({ smtp: sink.smtp, from: 'post@verein.example', backoffSeconds: [60], maxAttempts: 3 })

    /** `members` members who prefer e-mail, each owing 72,00 € since 2025-04-15, with one dunning run applied. */
    async function dunnedByEmail(members: number) {
      const club = await aClubWithFees(server, { members })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2025-04-15' })
      await club.staff('POST', '/charge-runs', { asOf: '2025-04-15', idempotencyKey: preview.idempotencyKey })
      await withDunningLevels(club)
      for (const m of club.memberships) await club.staff('PATCH', `/memberships/${m.id}`, { preferredChannel: 'email' })
      expect(await club.staff('GET', `/memberships/${club.memberships[0]!.id}`)).toMatchObject({ person: { preferredChannel: 'email' } })
      const { run } = await dunningRun(club, '2025-05-16')
      return { club, run }
    }
    const statuses = async (club: Awaited<ReturnType<typeof aClubWithFees>>, runId: string) =>
      (await club.staff('GET', `/mail-deliveries?runId=${runId}`)).items.map((d: { status: string }) => d.status).sort()

    it('sends each letter once as a PDF attachment and records the delivery', async () => {
      const { club, run } = await dunnedByEmail(2)
      expect(await statuses(club, run.id)).toEqual(['queued', 'queued'])
      expect((await club.staff('GET', `/print-queue?runId=${run.id}`)).items).toEqual([]) // e-mail letters are not printed
      const before = sink.received.length
      // Two instances at once: each delivery is claimed by one of them.
      const passes = await Promise.all([
        deliverQueuedMail(server.storage, settings(), clock),
        deliverQueuedMail(server.storage, settings(), clock),
      ])
      expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(2)
      const mails = sink.received.slice(before)
      expect(mails).toHaveLength(2)
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(2)
      expect(mails[0]!.subject).toMatch(/^Zahlungserinnerung Nr\. \d – Mitgliedsnummer \d+$/)
      expect(mails[0]!.from?.text).toContain('post@verein.example')
      const attachment = mails[0]!.attachments[0]!
      expect(attachment.contentType).toBe('application/pdf')
      expect((await pdfText(new Uint8Array(attachment.content)))[0]).toContain('Zahlungserinnerung')
      expect(await statuses(club, run.id)).toEqual(['sent', 'sent'])
      await deliverQueuedMail(server.storage, settings(), clock)
      expect(sink.received.length - before).toBe(2)
    })

    it('retries a temporary refusal and a dropped connection later, gives up on a permanent one; nothing is lost or sent twice', async () => {
      const { club, run } = await dunnedByEmail(3)
      const before = sink.received.length
      sink.failNext('temporary', 'permanent', 'drop')
      const first = await deliverQueuedMail(server.storage, settings(), clock)
      expect(first).toMatchObject({ sent: 0, failed: 3 })
      expect(await statuses(club, run.id)).toEqual(['abandoned', 'failed', 'failed'])
      expect((await deliverQueuedMail(server.storage, settings(), clock)).sent).toBe(0) // not due before the backoff
      later(2)
      expect((await deliverQueuedMail(server.storage, settings(), clock)).sent).toBe(2)
      expect(await statuses(club, run.id)).toEqual(['abandoned', 'sent', 'sent'])
      const abandoned = (await club.staff('GET', `/mail-deliveries?runId=${run.id}&status=abandoned`)).items[0]
      expect(abandoned.lastError).toContain('No such user')
      await club.staff('POST', `/mail-deliveries/${abandoned.id}/retry`)
      expect((await deliverQueuedMail(server.storage, settings(), clock)).sent).toBe(1)
      const mails = sink.received.slice(before)
      expect(mails).toHaveLength(3)
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(3)
    })

    it('marks a send cut off by a crash as uncertain instead of sending it again, and cancels mail of a reversed run', async () => {
      const { club, run } = await dunnedByEmail(2)
      const own = server.storage.forOrganisation(club.org)
      // An instance claims one delivery and dies before the outcome.
      await own.transaction((tx) => tx.mailDeliveries.claimDue(clock.now(), new Date(clock.now().getTime() + 60_000), 1))
      later(5)
      const before = sink.received.length
      const pass = await deliverQueuedMail(server.storage, settings(), clock)
      expect(pass).toMatchObject({ sent: 1, uncertain: 1 })
      expect(await statuses(club, run.id)).toEqual(['sent', 'uncertain'])
      expect(sink.received.length - before).toBe(1)

      const next = await dunnedByEmail(1)
      await next.club.staff('POST', `/dunning-runs/${next.run.id}/reverse`)
      expect(await statuses(next.club, next.run.id)).toEqual(['cancelled'])
      expect((await deliverQueuedMail(server.storage, settings(), clock)).sent).toBe(0)
    })
  })
}
