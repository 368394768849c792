import { de } from './de'
import { en } from './en'
import { sv } from './sv'
import type { FieldReason, Translation } from './translation'

const translations: Readonly<Record<string, Translation>> = { de, en, sv }

/** The translation for a BCP 47 tag (`de-AT` → German); German when the language is not supported. */
export function resolveTranslation(lang: string | null | undefined): Translation {
  const language = (lang ?? '').toLowerCase().split('-')[0] ?? ''
  return translations[language] ?? de
}

/** The localized message of a field issue: our text for known reasons, else the server's message. */
export function reasonMessage(t: Translation, reason: string, fallback: string): string {
  return Object.hasOwn(t.reasons, reason) ? t.reasons[reason as FieldReason] : fallback
}
