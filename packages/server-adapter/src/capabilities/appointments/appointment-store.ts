import type { AppointmentKind, BookedTime } from '@vereinskit/core/appointments'

/** An appointment as stored. */
export interface AppointmentRecord {
  readonly id: string
  readonly consultantId: string
  readonly blockId: string | null
  readonly locationId: string | null
  readonly typeId: string | null
  readonly topicId: string | null
  readonly kind: AppointmentKind
  readonly personId: string
  readonly membershipId: string | null
  readonly startsAt: Date
  readonly endsAt: Date
  readonly timeZone: string
  readonly title: string
  readonly note: string
  readonly attended: boolean
  readonly bookedVia: 'staff' | 'online'
  readonly cancelledAt: Date | null
  readonly cancelledBy: 'staff' | 'member' | null
  readonly cancelTokenHash: string | null
  readonly confirmationQueued: boolean
  readonly reminderQueuedAt: Date | null
  readonly missedLetterAt: Date | null
  readonly sequence: number
  readonly createdBy: string
}

export type NewAppointment = Omit<
  AppointmentRecord,
  'id' | 'attended' | 'cancelledAt' | 'cancelledBy' | 'reminderQueuedAt' | 'missedLetterAt' | 'sequence'
>

/** What a change may set; every change raises the sequence of the calendar file. */
export type AppointmentUpdate = Partial<
  Pick<
    AppointmentRecord,
    | 'consultantId'
    | 'blockId'
    | 'locationId'
    | 'typeId'
    | 'topicId'
    | 'title'
    | 'note'
    | 'attended'
    | 'startsAt'
    | 'endsAt'
    | 'timeZone'
    | 'cancelledAt'
    | 'cancelledBy'
    | 'confirmationQueued'
    | 'cancelTokenHash'
    | 'reminderQueuedAt'
  >
>

export interface AppointmentFilter {
  readonly from?: Date | undefined
  readonly to?: Date | undefined
  readonly consultantId?: string | undefined
  readonly locationId?: string | undefined
  readonly personId?: string | undefined
  readonly appointmentId?: string | undefined
  readonly includeCancelled?: boolean | undefined
  /** Only past appointments without the attended flag, ending before this instant. */
  readonly missedBefore?: Date | undefined
  readonly limit?: number | undefined
}

/** Appointments of one organisation. */
export interface AppointmentStore {
  /** Times taken by appointments that are not cancelled and overlap [from, to). */
  booked(range: { from: Date; to: Date; consultantIds?: readonly string[] | undefined }): Promise<BookedTime[]>
  /** Refuses a second appointment of the consultant at the same start with SLOT_NOT_AVAILABLE. */
  insert(appointment: NewAppointment): Promise<AppointmentRecord>
  get(id: string): Promise<AppointmentRecord | undefined>
  list(filter: AppointmentFilter): Promise<AppointmentRecord[]>
  update(id: string, changes: AppointmentUpdate): Promise<AppointmentRecord>
  /** Future appointments of a person that are not cancelled. */
  openCount(personId: string, now: Date): Promise<number>
  /** The consultant of the person's latest appointment that has begun (the last consultation), if any. */
  lastConsultant(personId: string, now: Date): Promise<string | null>
  /** Marks the reminders due (starting in (now, until]) as queued and answers them; each appointment once. */
  claimReminders(now: Date, until: Date): Promise<AppointmentRecord[]>
  /** Marks missed-appointment letters as written; answers the ids that had none yet. */
  markMissedLetters(ids: readonly string[], at: Date): Promise<string[]>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly appointments: AppointmentStore
  }
}
