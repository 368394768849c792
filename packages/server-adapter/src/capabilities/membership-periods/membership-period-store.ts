import type { CalendarDate } from '@vereinskit/core'
import type { MembershipPeriod, MembershipPeriodInput } from '@vereinskit/core/members'
import type { Page } from '../../storage/page'

/** A period with its number of registrations. */
export interface MembershipPeriodRecord extends MembershipPeriod {
  readonly registrations: number
}

/** A registration with the person's name. */
export interface PeriodRegistrationRecord {
  readonly id: string
  readonly periodId: string
  readonly personId: string
  readonly name: string
  readonly registeredOn: CalendarDate
}

/** Membership periods (medlemsperioder) of one organisation and the registrations against them. */
export interface MembershipPeriodStore {
  list(): Promise<MembershipPeriodRecord[]>
  get(periodId: string): Promise<MembershipPeriodRecord | undefined>
  create(period: MembershipPeriodInput): Promise<MembershipPeriodRecord>
  update(periodId: string, period: MembershipPeriodInput): Promise<void>
  remove(periodId: string): Promise<void>
  /** Registers the person; `undefined` when they are registered for the period already. */
  register(periodId: string, personId: string, registeredOn: CalendarDate): Promise<{ id: string } | undefined>
  registrations(periodId: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<PeriodRegistrationRecord>>
  unregister(periodId: string, registrationId: string): Promise<boolean>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly membershipPeriods: MembershipPeriodStore
  }
}
