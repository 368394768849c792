import type { CalendarDate } from '@vereinskit/core'
import type { ApplicationSubmission } from '@vereinskit/core/applications'
import type { Page } from '../../storage/page'

/** An online application as stored: the submission as sent, and what became of it. */
export interface ApplicationRecord {
  readonly id: string
  readonly organisationId: string
  readonly status: 'pending' | 'accepted' | 'rejected'
  readonly submittedAt: Date
  /** The day it arrived in the organisation's time zone (from the Clock); the SEPA mandate is dated on it. */
  readonly submittedOn: CalendarDate
  readonly decidedAt: Date | null
  readonly submission: ApplicationSubmission
  readonly feeClassGroupName: string
  readonly rejectionReason: string | null
  readonly personId: string | null
  readonly membershipId: string | null
  readonly membershipNumber: number | null
}

/** Online applications of one organisation. */
export interface ApplicationStore {
  /** Stores a submission; the moment and the day come from the request's clock, never from the database. */
  insert(submission: ApplicationSubmission, at: { submittedAt: Date; submittedOn: CalendarDate }): Promise<ApplicationRecord>
  list(query: {
    status?: ApplicationRecord['status'] | undefined
    limit: number
    cursor?: string | undefined
  }): Promise<Page<ApplicationRecord>>
  get(id: string): Promise<ApplicationRecord | undefined>
  /** Reads the application and locks it until the transaction ends, so two decisions cannot race. */
  getForUpdate(id: string): Promise<ApplicationRecord | undefined>
  markAccepted(id: string, created: { personId: string; membershipId: string }, decidedAt: Date): Promise<ApplicationRecord>
  markRejected(id: string, reason: string | null, decidedAt: Date): Promise<ApplicationRecord>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly applications: ApplicationStore
  }
}
