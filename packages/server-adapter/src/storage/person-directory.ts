/** One of a person's registrations in some organisation, as the person sees them (AB-06). */
export interface PersonalRegistration {
  readonly organisationId: string
  readonly organisationName: string
  readonly kind: 'membership' | 'period'
  /** The membership number, or the period's name. */
  readonly label: string
  readonly from: string
  readonly until: string | null
}

/**
 * The shared address book seen from the person's side: one record, whatever organisations know it (AB-05, AB-06).
 * It lives at the top of the storage because a person who logs in belongs to no one organisation; the member
 * portal builds on it.
 */
export interface PersonDirectory {
  /** Every membership and period registration of the person, in every organisation, oldest first. */
  registrationsOf(personId: string): Promise<PersonalRegistration[]>
}
