import { overlaps, type BookedTime, type StoredBlock } from './appointment-block'

/** Per consultant: how many blocks a deletion would remove and how many of them have appointments in them. */
export interface BlockDeletionCheck {
  readonly consultantId: string
  readonly blocks: number
  readonly conflicts: number
  /** The blocks that have appointments (Konflikte durch bestehende Termine). */
  readonly conflictBlockIds: readonly string[]
}

/**
 * The check before deleting blocks (prüfen, handbook §9.3): a conflict is a block with at least one appointment
 * of its consultant in it. Conflicts warn, they do not block: deleting blocks never deletes appointments, which
 * keep their time and must be moved or cancelled by hand.
 */
export function checkBlockDeletion(
  consultantIds: readonly string[],
  blocks: readonly StoredBlock[],
  booked: readonly BookedTime[],
): BlockDeletionCheck[] {
  return consultantIds.map((consultantId) => {
    const own = blocks.filter((b) => b.consultantId === consultantId)
    const appointments = booked.filter((a) => a.consultantId === consultantId)
    const conflictBlockIds = own.filter((b) => appointments.some((a) => overlaps(a, b))).map((b) => b.id)
    return { consultantId, blocks: own.length, conflicts: conflictBlockIds.length, conflictBlockIds }
  })
}
