import type { AppointmentBlock, CalendarTemplate, StoredBlock } from '@vereinskit/core/appointments'

/** Which blocks: those starting in [from, to), optionally of some consultants. */
export interface BlockRange {
  readonly from: Date
  readonly to: Date
  readonly consultantIds?: readonly string[] | undefined
}

/** Templates, generated blocks and each membership's home consultant, for one organisation. */
export interface CalendarStore {
  listTemplates(filter: { consultantId?: string | undefined; name?: string | undefined; activeOnly?: boolean }): Promise<CalendarTemplate[]>
  getTemplate(id: string): Promise<CalendarTemplate | undefined>
  /** The consultant's default template, if any. */
  defaultTemplate(consultantId: string): Promise<CalendarTemplate | undefined>
  /** Refuses a second default of one consultant with DEFAULT_TEMPLATE_EXISTS. */
  createTemplate(template: Omit<CalendarTemplate, 'id'>): Promise<CalendarTemplate>
  updateTemplate(id: string, changes: Partial<Omit<CalendarTemplate, 'id' | 'consultantId'>>): Promise<CalendarTemplate | undefined>
  blocks(range: BlockRange): Promise<StoredBlock[]>
  getBlock(id: string): Promise<StoredBlock | undefined>
  insertBlocks(blocks: readonly AppointmentBlock[]): Promise<StoredBlock[]>
  deleteBlocks(ids: readonly string[]): Promise<number>
  /** Takes the consultant's row lock for the transaction: bookings of one consultant go one at a time. */
  lockConsultant(consultantId: string): Promise<boolean>
  /** The membership's home consultant and location (Stammberater); undefined when none was ever set. */
  homeConsultant(membershipId: string): Promise<{ consultantId: string | null; locationId: string | null } | undefined>
  setHomeConsultant(membershipId: string, home: { consultantId: string | null; locationId: string | null }): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly calendar: CalendarStore
  }
}
