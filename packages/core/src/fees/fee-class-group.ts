import * as z from 'zod'
import type { CalendarDate } from '../calendar/calendar-date'
import { AmountSchema } from '../money/amount-schema'
import { isFeeClassValidOn, type FeeClass } from './fee-class'

/** Fee-class group (BK-Gruppe): the classes (with amounts) a new membership gets in one step. */
export const FeeClassGroup = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(80),
  description: z.string().max(300).nullable(),
  items: z.array(z.object({ feeClassId: z.string().min(1), amount: AmountSchema.min(0) })),
  isDefault: z.boolean(),
  offeredOnline: z.boolean(),
})
export type FeeClassGroup = z.infer<typeof FeeClassGroup>

/** A group can be chosen at capture on `date` only if every class in it is valid then (handbook version notes 5.4.0). */
export function isGroupOffered(group: Pick<FeeClassGroup, 'items'>, feeClasses: readonly FeeClass[], date: CalendarDate): boolean {
  return group.items.every((item) => {
    const feeClass = feeClasses.find((c) => c.id === item.feeClassId)
    return feeClass !== undefined && isFeeClassValidOn(feeClass, date)
  })
}
