import pdfmake from 'pdfmake'
import { formatGermanDate, type CalendarDate } from '@vereinskit/core'
import type { AppointmentView } from '@vereinskit/core/contract'
import type { PersonRecord } from '../people/person-record'
import type { z } from 'zod'
import '../correspondence/letter-pdf'

type View = z.output<typeof AppointmentView>

const mm = (value: number) => (value / 25.4) * 72

async function render(title: string, content: unknown[]): Promise<Uint8Array<ArrayBuffer>> {
  const document = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: [mm(20), mm(20), mm(20), mm(20)],
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    info: { title, creator: 'vereinskit' },
    content: content as never,
  })
  return new Uint8Array(await document.getBuffer()) as Uint8Array<ArrayBuffer>
}

/**
 * The printed appointment list (TerminlisteBeraterDruck / TerminlisteStandortDruck, handbook §5.5): one section
 * per consultant or location, appointments in time order with time, person, membership number and type.
 */
export async function appointmentListPdf(
  views: readonly View[],
  groupBy: 'consultant' | 'location',
  context: { organisationName: string; from: CalendarDate; to: CalendarDate },
): Promise<Uint8Array<ArrayBuffer>> {
  const groups = new Map<string, View[]>()
  for (const view of views) {
    const key = groupBy === 'consultant' ? view.consultantName : (view.locationName ?? '–')
    groups.set(key, [...(groups.get(key) ?? []), view])
  }
  const heading = `Termine nach ${groupBy === 'consultant' ? 'Berater' : 'Standort'} ${formatGermanDate(context.from)} – ${formatGermanDate(context.to)}`
  const content: unknown[] = [{ text: `${context.organisationName}\n${heading}`, bold: true, fontSize: 12, margin: [0, 0, 0, 10] }]
  if (groups.size === 0) content.push({ text: 'Keine Termine im Zeitraum.' })
  for (const [name, list] of [...groups].sort(([a], [b]) => a.localeCompare(b, 'de'))) {
    content.push({ text: name, bold: true, fontSize: 11, margin: [0, 8, 0, 4] })
    content.push({
      table: {
        headerRows: 1,
        widths: [mm(20), mm(12), '*', mm(16), mm(30), mm(30)],
        body: [
          ['Datum', 'Zeit', 'Person', 'Mitgl.-Nr.', groupBy === 'consultant' ? 'Ort' : 'Berater', 'Art'].map((text) => ({
            text,
            bold: true,
          })),
          ...list.map((v) => [
            formatGermanDate(v.date),
            v.time,
            v.personName,
            v.membershipNumber?.toString() ?? '',
            (groupBy === 'consultant' ? v.locationName : v.consultantName) ?? '',
            v.typeName ?? '',
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    })
  }
  return render(heading, content)
}

/**
 * Routing slips (Laufzettel, handbook §5.7, §11.4): one page per appointment with the person's data on file,
 * each with a blank column for corrections the member writes in at the consultation.
 */
export async function routingSlipPdf(
  slips: readonly { appointment: View; person: PersonRecord }[],
  organisationName: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const content: unknown[] = []
  slips.forEach(({ appointment: a, person: p }, index) => {
    const row = (label: string, value: string | null | undefined) => [{ text: label, bold: true }, value ?? '', '']
    content.push(
      {
        text: `${organisationName} – Laufzettel`,
        bold: true,
        fontSize: 13,
        margin: [0, 0, 0, 6],
        ...(index > 0 ? { pageBreak: 'before' } : {}),
      },
      {
        text: `Termin am ${formatGermanDate(a.date)} um ${a.time} Uhr bei ${a.consultantName}${a.locationName ? `, ${a.locationName}` : ''}`,
        margin: [0, 0, 0, 10],
      },
      {
        table: {
          widths: [mm(40), '*', mm(60)],
          body: [
            [
              { text: 'Angabe', bold: true },
              { text: 'Gespeichert', bold: true },
              { text: 'Korrektur', bold: true },
            ],
            row('Mitgliedsnummer', a.membershipNumber?.toString()),
            row('Name', `${p.lastName}, ${p.firstName}`),
            row('Geburtsdatum', p.dateOfBirth ? formatGermanDate(p.dateOfBirth) : ''),
            row('Straße', p.postalAddress.street),
            row('PLZ / Ort', `${p.postalAddress.postcode} ${p.postalAddress.city}`),
            row('Telefon', p.phonePrivate ?? p.phoneMobile),
            row('E-Mail', p.email),
          ],
        },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
      { text: '\nBitte prüfen Sie Ihre Angaben und tragen Sie Änderungen in die rechte Spalte ein.', italics: true },
    )
  })
  if (content.length === 0) content.push({ text: 'Keine Termine.' })
  return render(`${organisationName} – Laufzettel`, content)
}
