import type { LetterKind, LetterTemplate } from './letter-template'

const closing = { type: 'paragraph', text: 'Mit freundlichen Grüßen\n{{club.name}}', bold: false } as const

/**
 * The built-in template of each letter kind, used until a club saves its own (`isDefault`) for the kind. German, as
 * the letters of German clubs are; a club writes its own wording (and language) by replacing them.
 */
export const defaultTemplates: Readonly<Record<LetterKind, LetterTemplate>> = {
  dunning: {
    name: 'Mahnung (Standard)',
    kind: 'dunning',
    valid: true,
    isDefault: true,
    subject: '{{dunning.text}} Nr. {{letter.number}} – Mitgliedsnummer {{member.number}}',
    blocks: [
      { type: 'paragraph', text: '{{member.salutation}}', bold: false },
      {
        type: 'paragraph',
        text: 'nach unseren Unterlagen sind die folgenden Beträge aus Ihrem Mitgliedskonto noch offen. Bitte überweisen Sie {{amounts.total}} innerhalb von 14 Tagen unter Angabe Ihrer Mitgliedsnummer {{member.number}}.',
        bold: false,
      },
      { type: 'open-items' },
      {
        type: 'paragraph',
        text: 'Sollten Sie die Zahlung inzwischen geleistet haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
        bold: false,
      },
      closing,
    ],
    emailText: 'Guten Tag,\n\nim Anhang erhalten Sie unser Schreiben „{{letter.subject}}“.\n\nMit freundlichen Grüßen\n{{club.name}}',
  },
  exclusion: {
    name: 'Ausschluss (Standard)',
    kind: 'exclusion',
    valid: true,
    isDefault: true,
    subject: 'Ausschluss aus dem Verein – Mitgliedsnummer {{member.number}}',
    blocks: [
      { type: 'paragraph', text: '{{member.salutation}}', bold: false },
      {
        type: 'paragraph',
        text: 'trotz mehrfacher Mahnung sind Ihre Beiträge nicht bezahlt. Ihre Mitgliedschaft endet daher zum {{exclusion.endsOn}} ({{exclusion.reason}}). Der offene Betrag von {{amounts.openTotal}} bleibt fällig.',
        bold: false,
      },
      closing,
    ],
    emailText: 'Guten Tag,\n\nim Anhang erhalten Sie unser Schreiben „{{letter.subject}}“.\n\nMit freundlichen Grüßen\n{{club.name}}',
  },
  'pre-notification': general(
    'SEPA-Vorabinformation – Mitgliedsnummer {{member.number}}',
    'SEPA-Vorabinformation (Standard)',
    'pre-notification',
  ),
  'returned-debit': general('Rücklastschrift – Mitgliedsnummer {{member.number}}', 'Rücklastschrift (Standard)', 'returned-debit'),
  appointment: general('Ihr Termin – Mitgliedsnummer {{member.number}}', 'Termin (Standard)', 'appointment'),
  general: general('Schreiben – Mitgliedsnummer {{member.number}}', 'Schreiben (Standard)', 'general'),
}

function general(subject: string, name: string, kind: LetterKind): LetterTemplate {
  return {
    name,
    kind,
    valid: true,
    isDefault: true,
    subject,
    blocks: [{ type: 'paragraph', text: '{{member.salutation}}', bold: false }, { type: 'open-items' }, closing],
    emailText: 'Guten Tag,\n\nim Anhang erhalten Sie unser Schreiben „{{letter.subject}}“.\n\nMit freundlichen Grüßen\n{{club.name}}',
  }
}
