import { createTransport, type Transporter } from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport'
import type { Clock } from '../../clock'
import type { Storage } from '../../storage/storage'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { renderLetter } from '@vereinskit/core/correspondence'
import { documentPdf } from './render-document'
import type { MailMessage } from './mail-delivery-store'

/** How the server sends e-mail: an SMTP server (or a ready nodemailer transporter) and the sender address. */
export interface MailSettings {
  readonly smtp: SMTPTransport.Options | Transporter
  /** The sender address; the organisation's name is put in front of it. */
  readonly from: string
  /** Attempts before a delivery is abandoned; default 5. */
  readonly maxAttempts?: number
  /** Seconds to wait after the n-th failed attempt; default 60, 300, 1800, 7200. */
  readonly backoffSeconds?: readonly number[]
}

/** What one pass of the mailer did. */
export interface MailPass {
  readonly sent: number
  readonly failed: number
  readonly uncertain: number
}

const leaseSeconds = 300

/**
 * Sends due e-mails of every organisation (the mail job): each delivery is claimed in its own committed transaction
 * (`sending`, with a lease) before the SMTP conversation, so two instances never send one mail; a refused or failed
 * send is retried with backoff (4xx, network) or abandoned (5xx, or after the last attempt); a send cut off with its
 * outcome unknown is marked `uncertain` and never repeated by itself. Nothing is lost, nothing is sent twice.
 * @see docs/decisions/0017-letters-and-mail.md
 */
export async function deliverQueuedMail(storage: Storage, settings: MailSettings, clock: Clock, batch = 50): Promise<MailPass> {
  const own = !('sendMail' in settings.smtp)
  const transporter = own ? createTransport(settings.smtp as SMTPTransport.Options) : (settings.smtp as Transporter)
  try {
    return await deliverWith(storage, transporter, settings, clock, batch)
  } finally {
    if (own) transporter.close()
  }
}

async function deliverWith(
  storage: Storage,
  transporter: Transporter,
  settings: MailSettings,
  clock: Clock,
  batch: number,
): Promise<MailPass> {
  const pass = { sent: 0, failed: 0, uncertain: 0 }
  for (const organisation of await storage.organisations.list()) {
    const own = storage.forOrganisation(organisation.id)
    pass.uncertain += await own.mailDeliveries.markStale(clock.now())
    for (;;) {
      const now = clock.now()
      const claimed = await own.transaction((tx) => tx.mailDeliveries.claimDue(now, new Date(now.getTime() + leaseSeconds * 1000), batch))
      if (claimed.length === 0) break
      for (const delivery of claimed) {
        const outcome = await sendOne(own, transporter, settings, organisation.name, delivery)
        if (outcome === 'sent') {
          await own.mailDeliveries.markSent(delivery.id, clock.now())
          pass.sent += 1
        } else {
          const delays = settings.backoffSeconds ?? [60, 300, 1800, 7200]
          const last = delivery.attempts >= (settings.maxAttempts ?? 5) || outcome.permanent
          const delay = delays[Math.min(delivery.attempts - 1, delays.length - 1)] ?? 60
          await own.mailDeliveries.markFailed(delivery.id, outcome.error, last ? null : new Date(clock.now().getTime() + delay * 1000))
          pass.failed += 1
        }
      }
      if (claimed.length < batch) break
    }
  }
  return pass
}

async function sendOne(
  storage: OrganisationStorage,
  transporter: Transporter,
  settings: MailSettings,
  organisationName: string,
  delivery: { documentId: string | null; message: MailMessage | null; recipient: string; messageId: string },
): Promise<'sent' | { error: string; permanent: boolean }> {
  if (delivery.message) return sendMessage(transporter, settings, organisationName, { ...delivery, message: delivery.message })
  if (!delivery.documentId) return { error: 'The delivery has neither a letter nor a message.', permanent: true }
  const document = await storage.documents.get(delivery.documentId)
  if (!document || document.deletedAt) return { error: 'The letter was cancelled before it was sent.', permanent: true }
  try {
    const pdf = await documentPdf(storage, document)
    const letter = renderLetter(document.template, document.data)
    // Pre-notifications use the club's SepaMailAdresse, SepaMailBetreff and SepaMailBody (handbook §6.5), missed
    // appointments its TerminMailAdresse, TerminMailBetreff and TerminMailBody (handbook §5.8).
    const club = document.kind === 'pre-notification' || document.kind === 'appointment' ? await storage.finance.getSettings() : null
    const own =
      club && document.kind === 'pre-notification'
        ? { from: club.preNotificationMailFrom, subject: club.preNotificationMailSubject, text: club.preNotificationMailBody }
        : club
          ? { from: club.missedAppointmentMailFrom, subject: club.missedAppointmentMailSubject, text: club.missedAppointmentMailBody }
          : null
    await transporter.sendMail({
      from: { name: organisationName, address: own?.from ?? settings.from },
      to: delivery.recipient,
      subject: own ? own.subject : letter.subject,
      text: own ? own.text : letter.emailText,
      messageId: delivery.messageId,
      attachments: [
        {
          filename: `${document.title.replace(/[^\p{L}\p{N} ._-]/gu, '_')}.pdf`,
          content: Buffer.from(pdf),
          contentType: 'application/pdf',
        },
      ],
    })
    return 'sent'
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode
    return { error: error instanceof Error ? error.message : String(error), permanent: code !== undefined && code >= 500 }
  }
}

/** Sends a system e-mail as it was fixed when queued. */
async function sendMessage(
  transporter: Transporter,
  settings: MailSettings,
  organisationName: string,
  delivery: { message: MailMessage; recipient: string; messageId: string },
): Promise<'sent' | { error: string; permanent: boolean }> {
  const { message } = delivery
  try {
    await transporter.sendMail({
      from: { name: organisationName, address: message.from ?? settings.from },
      to: delivery.recipient,
      subject: message.subject,
      text: message.text,
      messageId: delivery.messageId,
      attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    })
    return 'sent'
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode
    return { error: error instanceof Error ? error.message : String(error), permanent: code !== undefined && code >= 500 }
  }
}
