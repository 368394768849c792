import { VereinskitError } from '../errors/vereinskit-error'
import { formatGermanAmount } from '../money/german-amount'
import { formatGermanDate } from '../calendar/german-date'
import { placeholderNames, type LetterData, type PlaceholderName } from './letter-data'
import type { LetterTemplateInput, TextBlock } from './letter-template'

/** A letter ready for layout: every placeholder filled, the open-items table as rows. */
export interface RenderedLetter {
  readonly sender: string
  readonly recipient: readonly string[]
  readonly place: string
  readonly date: string
  readonly subject: string
  readonly blocks: readonly (
    | { readonly type: 'paragraph'; readonly text: string; readonly bold: boolean }
    | {
        readonly type: 'table'
        readonly header: readonly string[]
        readonly rows: readonly (readonly string[])[]
        readonly footer: readonly (readonly string[])[]
      }
  )[]
  readonly emailText: string
}

const pattern = /\{\{\s*([A-Za-z.]+)\s*\}\}/g
const known = new Set<string>(placeholderNames)

/** The placeholders a text uses that do not exist. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1]!).filter((name) => !known.has(name))
}

/**
 * Refuses a template that names placeholders or text blocks that do not exist (`TEMPLATE_PLACEHOLDER_UNKNOWN`), so a
 * club learns at saving, not in the middle of a dunning run.
 */
export function checkTemplate(template: LetterTemplateInput, textBlocks: readonly Pick<TextBlock, 'name' | 'text'>[]): void {
  const blockNames = new Set(textBlocks.map((b) => b.name))
  const texts = [template.subject, template.emailText ?? '', ...template.blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))]
  const unknown = [...new Set(texts.flatMap(unknownPlaceholders))]
  const missingBlocks = template.blocks
    .filter((b) => b.type === 'text-block' && !blockNames.has(b.name))
    .map((b) => (b.type === 'text-block' ? b.name : ''))
  const blockUnknown = textBlocks
    .filter((b) => template.blocks.some((x) => x.type === 'text-block' && x.name === b.name))
    .flatMap((b) => unknownPlaceholders(b.text))
  const problems = [...unknown, ...blockUnknown].map((n) => `{{${n}}}`).concat(missingBlocks.map((n) => `text block "${n}"`))
  if (problems.length > 0) {
    throw new VereinskitError('TEMPLATE_PLACEHOLDER_UNKNOWN', `The template uses what does not exist: ${problems.join(', ')}.`)
  }
}

/** Fills a template for one letter. Unknown placeholders were refused at saving; here they would render empty. */
export function renderLetter(
  template: LetterTemplateInput,
  data: LetterData,
  textBlocks: readonly Pick<TextBlock, 'name' | 'text'>[] = [],
): RenderedLetter {
  const subject = fill(template.subject, data, '')
  const fillText = (text: string) => fill(text, data, subject)
  const blocks: RenderedLetter['blocks'][number][] = []
  for (const block of template.blocks) {
    if (block.type === 'paragraph') blocks.push({ type: 'paragraph', text: fillText(block.text), bold: block.bold ?? false })
    else if (block.type === 'text-block') {
      const found = textBlocks.find((b) => b.name === block.name)
      if (found) blocks.push({ type: 'paragraph', text: fillText(found.text), bold: false })
    } else if (data.openItems && data.openItems.length > 0) {
      const footer: string[][] = []
      if (data.amounts) {
        footer.push(['', 'Offener Betrag', formatGermanAmount(data.amounts.openTotal)])
        if (data.amounts.fee > 0) footer.push(['', 'Mahngebühr', formatGermanAmount(data.amounts.fee)])
        footer.push(['', 'Zu zahlen', formatGermanAmount(data.amounts.total)])
      }
      blocks.push({
        type: 'table',
        header: ['Datum', 'Buchungstext', 'Offen'],
        rows: data.openItems.map((i) => [formatGermanDate(i.date), i.text, formatGermanAmount(i.open)]),
        footer,
      })
    }
  }
  const club = data.club
  return {
    sender: [club.name, club.address && `${club.address.street}, ${club.address.postcode} ${club.address.city}`]
      .filter(Boolean)
      .join(' · '),
    recipient: [
      data.member.name,
      data.address.street,
      `${data.address.postcode} ${data.address.city}`,
      ...(data.address.country === 'DE' ? [] : [data.address.country]),
    ],
    place: club.address?.city ?? '',
    date: formatGermanDate(data.letter.date),
    subject,
    blocks,
    emailText: fillText(template.emailText ?? ''),
  }
}

function fill(text: string, data: LetterData, subject: string): string {
  return text.replace(pattern, (_, name: string) => (known.has(name) ? valueOf(name as PlaceholderName, data, subject) : ''))
}

function valueOf(name: PlaceholderName, data: LetterData, subject: string): string {
  switch (name) {
    case 'club.name':
      return data.club.name
    case 'club.address':
      return data.club.address ? `${data.club.address.street}, ${data.club.address.postcode} ${data.club.address.city}` : ''
    case 'member.number':
      return String(data.member.number)
    case 'member.salutation':
      return data.member.salutation
    case 'member.name':
      return data.member.name
    case 'address.street':
      return data.address.street
    case 'address.postcode':
      return data.address.postcode
    case 'address.city':
      return data.address.city
    case 'letter.number':
      return data.letter.number === null ? '' : String(data.letter.number)
    case 'letter.date':
      return formatGermanDate(data.letter.date)
    case 'letter.subject':
      return subject
    case 'amounts.openTotal':
      return data.amounts ? formatGermanAmount(data.amounts.openTotal) : ''
    case 'amounts.fee':
      return data.amounts ? formatGermanAmount(data.amounts.fee) : ''
    case 'amounts.total':
      return data.amounts ? formatGermanAmount(data.amounts.total) : ''
    case 'dunning.level':
      return data.dunning ? String(data.dunning.level) : ''
    case 'dunning.text':
      return data.dunning?.text ?? ''
    case 'exclusion.endsOn':
      return data.exclusion ? formatGermanDate(data.exclusion.endsOn) : ''
    case 'exclusion.reason':
      return data.exclusion?.reason ?? ''
    case 'directDebit.collectionDate':
      return data.directDebit ? formatGermanDate(data.directDebit.collectionDate) : ''
    case 'directDebit.amount':
      return data.directDebit ? formatGermanAmount(data.directDebit.amount) : ''
    case 'directDebit.mandateReference':
      return data.directDebit?.mandateReference ?? ''
    case 'directDebit.creditorId':
      return data.directDebit?.creditorId ?? ''
    case 'directDebit.iban':
      return data.directDebit?.iban ?? ''
    case 'returnedDebit.reason':
      return data.returnedDebit?.reason ?? ''
    case 'returnedDebit.text':
      return data.returnedDebit?.text ?? ''
    case 'returnedDebit.amount':
      return data.returnedDebit ? formatGermanAmount(data.returnedDebit.amount) : ''
    case 'returnedDebit.charges':
      return data.returnedDebit ? formatGermanAmount(data.returnedDebit.charges) : ''
    case 'appointment.date':
      return data.appointment ? formatGermanDate(data.appointment.date) : ''
    case 'appointment.time':
      return data.appointment?.time ?? ''
    case 'appointment.consultant':
      return data.appointment?.consultant ?? ''
    case 'appointment.location':
      return data.appointment?.location ?? ''
  }
}
