import { VereinskitError } from '@vereinskit/core'
import { slotsOf, type StoredBlock } from '@vereinskit/core/appointments'
import type { OrganisationStorage } from '../../storage/organisation-storage'

const taken = (why: string) => new VereinskitError('SLOT_NOT_AVAILABLE', `The slot is not available: ${why}. Choose another one.`)

/**
 * Checks, under the consultant's row lock, that a slot can be taken now: the block exists, the start is one of
 * its slots, it has not begun, the block is open to this channel (staff: plannable; online: online bookable), and
 * no appointment of the consultant overlaps it (except `movingId`, the one being rescheduled). The lock makes two
 * concurrent bookings of one slot go one after the other: the second sees the first and is refused.
 */
export async function takeSlot(
  tx: OrganisationStorage,
  choice: { blockId: string; startsAt: string },
  options: { now: Date; channel: 'staff' | 'online'; movingId?: string },
): Promise<{ block: StoredBlock; startsAt: Date; endsAt: Date }> {
  const block = await tx.calendar.getBlock(choice.blockId)
  if (!block) throw taken('the block does not exist (any more)')
  await tx.calendar.lockConsultant(block.consultantId)
  // Read again under the lock: a deletion may have come first.
  if (!(await tx.calendar.getBlock(block.id))) throw taken('the block was deleted')
  const consultant = await tx.consultants.get(block.consultantId)
  if (!consultant?.active) throw taken('the consultant is not available')
  const start = new Date(choice.startsAt).getTime()
  const slot = slotsOf(block).find((s) => s.startsAt.getTime() === start)
  if (!slot) throw taken('the time is not a slot of the block')
  if (start < options.now.getTime()) throw taken('it has begun')
  if (options.channel === 'staff' && !block.plannable && !block.onlineBookable) throw taken('the block is not open for planning')
  if (options.channel === 'online' && !block.onlineBookable) throw taken('the block is not bookable online')
  const clashes = (await tx.appointments.booked({ from: slot.startsAt, to: slot.endsAt, consultantIds: [block.consultantId] })).length
  if (clashes > 0 && options.movingId === undefined) throw taken('it was booked a moment ago')
  if (options.movingId !== undefined) {
    const others = await tx.appointments.list({ from: new Date(start - 24 * 3_600_000), to: slot.endsAt, consultantId: block.consultantId })
    if (others.some((a) => a.id !== options.movingId && a.startsAt < slot.endsAt && a.endsAt > slot.startsAt)) throw taken('it is booked')
  }
  return { block, startsAt: slot.startsAt, endsAt: slot.endsAt }
}
