import * as z from 'zod'
import { VereinskitError } from '../errors/vereinskit-error'

/**
 * The options of one parent–child link (Synchronisationsoptionen, S1 L133–L157), all off by default. They are set per
 * link, so one child may manage its members itself while another does not (docs/decisions/0023#options).
 */
export const UmbrellaLinkOptions = z.strictObject({
  /** O5 Mitgliederdaten bidirektional: the locks are lifted and the child's edits flow up (and on to other children). */
  bidirectional: z.boolean().default(false),
  /** O6 Gruppenzugehörigkeiten: the member's group memberships are shown in the child. */
  groupMemberships: z.boolean().default(false),
  /** O1 Feld "Notizen": the parent's notes on the member are shown in the child. */
  notes: z.boolean().default(false),
  /** O2 Rechnungen: the member's invoices in the parent, with their paid status, are shown in the child. */
  invoices: z.boolean().default(false),
  /** O4 Ereignisse: the member's history in the parent is shown in the child. */
  events: z.boolean().default(false),
  /** O7 Neu erstellte Mitglieder im Dachverband anzeigen: members created in the child are synced up into the parent. */
  showChildMembersInParent: z.boolean().default(false),
  /** O8 one shared membership-number range across the structure. */
  sharedNumberRange: z.boolean().default(false),
})
export type UmbrellaLinkOptions = z.infer<typeof UmbrellaLinkOptions>

/** A link with every option off: standard sync. */
export const standardSync: UmbrellaLinkOptions = UmbrellaLinkOptions.parse({})

/**
 * The fields standard sync copies into the child and locks there (UMB-11, UMB-12): all contact data, the membership
 * number and dates, the payment method, and the bank and mandate data. "All contact data" is every field of the
 * person except the markers (docs/decisions/0023#contact-data); the notes are locked with them.
 */
export const umbrellaLockedFields = {
  person: [
    'salutation',
    'title',
    'firstName',
    'lastName',
    'company',
    'dateOfBirth',
    'postalAddress',
    'billingAddress',
    'phonePrivate',
    'phoneWork',
    'phoneMobile',
    'email',
    'preferredChannel',
    // The memo is the parent's: shown in the child only with O1, and changed there only under bidirectional sync.
    'notes',
  ],
  membership: ['number', 'joinedOn', 'endsOn', 'paymentMethod'],
  mandate: ['iban', 'bic', 'accountHolder', 'reference', 'signedOn', 'status'],
} as const

/** What a record of a kind locks on a link: nothing under bidirectional sync. */
export function lockedFieldsFor(kind: keyof typeof umbrellaLockedFields, options: UmbrellaLinkOptions): readonly string[] {
  return options.bidirectional ? [] : umbrellaLockedFields[kind]
}

/**
 * Refuses a change in the child that touches a locked field (MEMBER_FIELD_LOCKED, naming the fields). `changed` are
 * the fields the request would change; a field sent with its current value is no change and passes.
 */
export function checkUnlocked(kind: keyof typeof umbrellaLockedFields, changed: Iterable<string>, options: UmbrellaLinkOptions): void {
  const locked = new Set(lockedFieldsFor(kind, options))
  const hits = [...changed].filter((f) => locked.has(f))
  if (hits.length > 0) {
    throw new VereinskitError('MEMBER_FIELD_LOCKED', `Managed by the parent organisation: ${hits.join(', ')}. Change it there.`, {
      issues: hits.map((path) => ({ path, code: 'locked-by-parent', message: 'This field is managed by the parent organisation.' })),
    })
  }
}
