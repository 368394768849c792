import { PDFDocument } from '@pdfme/pdf-lib'

/** Joins letters into one PDF for the printer (Sammeldruck), in the given order. */
export async function joinPdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const joined = await PDFDocument.create()
  for (const part of parts) {
    const source = await PDFDocument.load(part)
    const pages = await joined.copyPages(source, source.getPageIndices())
    for (const page of pages) joined.addPage(page)
  }
  return joined.save()
}
