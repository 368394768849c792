import pdfmake from 'pdfmake'
import type { RenderedLetter } from '@vereinskit/core/correspondence'

// The PDF standard fonts need no font files and cover German and Swedish letters and the euro sign (WinAnsi).
pdfmake.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
})
// Templates are data from staff: a letter may never make the server read a file or fetch a URL.
pdfmake.setUrlAccessPolicy(() => false)
const standardFonts = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'])
pdfmake.setLocalAccessPolicy((path: string) => standardFonts.has(path))

type Content = Record<string, unknown> | string

/**
 * Lays a rendered letter out as an A4 PDF (DIN 5008 window position for the address): sender line, recipient, date,
 * subject in bold, the body blocks and the open-items table with its totals right-aligned.
 */
export async function letterPdf(letter: RenderedLetter): Promise<Uint8Array> {
  const mm = (value: number) => (value / 25.4) * 72
  const content: Content[] = [
    { text: letter.sender, fontSize: 7, margin: [0, 0, 0, 4] },
    { text: letter.recipient.join('\n'), margin: [0, 0, 0, mm(20)] },
    { text: [letter.place, letter.date].filter(Boolean).join(', '), alignment: 'right', margin: [0, 0, 0, mm(8)] },
    { text: letter.subject, bold: true, margin: [0, 0, 0, mm(6)] },
  ]
  for (const block of letter.blocks) {
    if (block.type === 'paragraph') {
      content.push({ text: block.text, bold: block.bold, margin: [0, 0, 0, 8] })
    } else {
      content.push({
        table: {
          headerRows: 1,
          widths: [mm(25), '*', mm(28)],
          body: [
            block.header.map((text, i) => ({ text, bold: true, alignment: i === 2 ? 'right' : 'left' })),
            ...block.rows.map((row) => row.map((text, i) => ({ text, alignment: i === 2 ? 'right' : 'left' }))),
            ...block.footer.map((row, r) =>
              row.map((text, i) => ({ text, bold: r === block.footer.length - 1, alignment: i === 2 ? 'right' : 'left' })),
            ),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 4, 0, 12],
      })
    }
  }
  const document = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: [mm(25), mm(45), mm(20), mm(25)],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    info: { title: letter.subject, creator: 'vereinskit' },
    content: content as never,
  })
  return new Uint8Array(await document.getBuffer())
}
