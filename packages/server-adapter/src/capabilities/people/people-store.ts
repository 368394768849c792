import type { CalendarDate } from '@vereinskit/core'
import type { AdvancedFilters } from '@vereinskit/core/contract'
import type { CompiledSearch, DuplicateSubject, PersonData, PersonFieldChange, SearchPosition } from '@vereinskit/core/people'
import type { PersonRecord } from './person-record'

/** Who changes a person, and when (the injected clock). */
export interface ChangeStamp {
  readonly actor: string
  readonly at: Date
}

/** One stored audit line. */
export interface PersonAuditLine {
  readonly id: string
  readonly changedAt: Date
  /** The organisation whose staff made the change; null for the person's own change. */
  readonly organisationId: string | null
  readonly actor: string
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

/** A person's place in one of the organisation's memberships. */
export interface PersonPlace {
  readonly membershipId: string
  readonly number: number
  readonly role: 'H' | 'P' | 'L'
  readonly attachmentId: string | null
  readonly joinedOn: CalendarDate
  readonly endsOn: CalendarDate | null
  readonly archivedOn: CalendarDate | null
}

/** A search result row with what the result list shows. */
export interface SearchHitRecord {
  readonly personId: string
  readonly membershipId: string | null
  readonly number: number | null
  readonly role: 'H' | 'P' | 'L' | null
  readonly inactive: boolean
  readonly archived: boolean
  readonly lastName: string
  readonly firstName: string
  readonly company: string | null
  readonly street: string
  readonly postcode: string
  readonly city: string
  readonly dateOfBirth: CalendarDate | null
}

/** A known person as the duplicate check compares them, with what the candidate list shows. */
export interface DuplicateSubjectRecord extends DuplicateSubject {
  readonly name: string
  readonly city: string
}

/** Options of a search. */
export interface SearchRun {
  readonly asOf: CalendarDate
  readonly limit: number
  readonly includeArchived: boolean
  readonly filters: AdvancedFilters
  /** Rows after this position only (the previous page's last row). */
  readonly after?: SearchPosition | undefined
}

/**
 * The address book as one organisation sees it: only persons connected to it (person-connections.ts) can be read,
 * searched or changed through this store; every change writes its audit lines in the same transaction.
 */
export interface PeopleStore {
  get(personId: string): Promise<PersonRecord | undefined>
  /** Locks the person's row for a change (read-modify-write of the audit log). */
  getForUpdate(personId: string): Promise<PersonRecord | undefined>
  /** Records a new person; `asContact` connects them to the organisation as a contact. */
  create(person: PersonData, stamp: ChangeStamp, options: { asContact: boolean }): Promise<PersonRecord>
  /** Writes the changed person and one audit line per changed field. */
  update(personId: string, after: PersonData, lines: readonly PersonFieldChange[], stamp: ChangeStamp): Promise<void>
  /**
   * Erases a person's data (anonymisation, a copy turned into a reference): the record takes `blank`, and every
   * audit line of the person keeps who changed which field when, but no longer the values. One line records it.
   */
  erase(personId: string, blank: PersonData, stamp: ChangeStamp, reason: string): Promise<void>
  /** The audit log, newest first. */
  auditLog(personId: string): Promise<PersonAuditLine[]>
  places(personId: string): Promise<PersonPlace[]>
  /** Rows in search order; `limit + 1` rows tell the caller the result was cut. */
  search(search: CompiledSearch, run: SearchRun): Promise<SearchHitRecord[]>
  /** Connected persons agreeing with the probe in at least one compared field. */
  duplicateSubjects(keys: {
    lastName: string
    firstName: string
    company: string | null
    email: string | null
    dateOfBirth: CalendarDate | null
    street: string | null
    ibans: readonly string[]
  }): Promise<DuplicateSubjectRecord[]>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly people: PeopleStore
  }
}
