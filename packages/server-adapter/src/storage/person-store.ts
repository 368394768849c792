import type { CalendarDate } from '@vereinskit/core'
import type { ApplicationSubmission } from '@vereinskit/core/applications'

/** A person's data as captured (shared address book entry). */
export interface NewPerson {
  readonly salutation: ApplicationSubmission['salutation']
  readonly title?: string | undefined
  readonly firstName: string
  readonly lastName: string
  readonly dateOfBirth: CalendarDate
  readonly address: ApplicationSubmission['address']
  readonly email?: string | undefined
  readonly phone?: string | undefined
}

/** The shared address book. Creating is open; reading goes through an organisation's connections. */
export interface PersonStore {
  create(person: NewPerson): Promise<{ id: string }>
}
