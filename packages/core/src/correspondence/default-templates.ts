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
  'pre-notification': {
    name: 'SEPA-Vorabinformation (Standard)',
    kind: 'pre-notification',
    valid: true,
    isDefault: true,
    subject: 'SEPA-Vorabinformation – Mitgliedsnummer {{member.number}}',
    blocks: [
      { type: 'paragraph', text: '{{member.salutation}}', bold: false },
      {
        type: 'paragraph',
        text: 'wir ziehen am {{directDebit.collectionDate}} den Betrag von {{directDebit.amount}} per SEPA-Lastschrift von Ihrem Konto {{directDebit.iban}} ein. Mandatsreferenz: {{directDebit.mandateReference}}, Gläubiger-Identifikationsnummer: {{directDebit.creditorId}}.',
        bold: false,
      },
      { type: 'open-items' },
      { type: 'paragraph', text: 'Bitte sorgen Sie für ausreichende Deckung Ihres Kontos.', bold: false },
      closing,
    ],
    emailText:
      'Guten Tag,\n\nim Anhang erhalten Sie unsere Vorabinformation zur SEPA-Lastschrift am {{directDebit.collectionDate}}.\n\nMit freundlichen Grüßen\n{{club.name}}',
  },
  'returned-debit': {
    name: 'Rücklastschrift (Standard)',
    kind: 'returned-debit',
    valid: true,
    isDefault: true,
    subject: 'Rücklastschrift – Mitgliedsnummer {{member.number}}',
    blocks: [
      { type: 'paragraph', text: '{{member.salutation}}', bold: false },
      {
        type: 'paragraph',
        text: 'unsere Lastschrift über {{returnedDebit.amount}} wurde von Ihrer Bank zurückgegeben (Grund {{returnedDebit.reason}}). {{returnedDebit.text}}',
        bold: false,
      },
      {
        type: 'paragraph',
        text: 'Die Bank hat uns dafür {{returnedDebit.charges}} berechnet. Bitte überweisen Sie den offenen Betrag.',
        bold: false,
      },
      closing,
    ],
    emailText: 'Guten Tag,\n\nim Anhang erhalten Sie unser Schreiben „{{letter.subject}}“.\n\nMit freundlichen Grüßen\n{{club.name}}',
  },
  appointment: {
    name: 'Versäumter Termin (Standard)',
    kind: 'appointment',
    valid: true,
    isDefault: false,
    subject: 'Ihr versäumter Termin am {{appointment.date}} – Mitgliedsnummer {{member.number}}',
    blocks: [
      { type: 'paragraph', text: '{{member.salutation}},', bold: false },
      {
        type: 'paragraph',
        text: 'Sie hatten am {{appointment.date}} um {{appointment.time}} Uhr einen Beratungstermin bei {{appointment.consultant}} ({{appointment.location}}), den Sie nicht wahrgenommen haben.',
        bold: false,
      },
      { type: 'paragraph', text: 'Bitte sagen Sie Termine, die Sie nicht wahrnehmen können, rechtzeitig ab.', bold: false },
      closing,
    ],
    emailText: 'Guten Tag,\n\nim Anhang erhalten Sie unser Schreiben „{{letter.subject}}“.\n\nMit freundlichen Grüßen\n{{club.name}}',
  },
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
