import type { Consultant } from './appointment-catalogues'
import { emptyPattern, type CalendarTemplate } from './calendar-template'
import type { TemplateTimeBlock } from './calendar-template'

/** Test data: a consultant and a template builder (not exported from the entry point). */
export function consultant(overrides: Partial<Consultant> = {}): Consultant {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    name: 'Berger, Anna',
    shortName: 'AB',
    defaultDurationMinutes: 30,
    defaultLocationId: null,
    active: true,
    topicIds: [],
    email: null,
    staffUserId: null,
    ...overrides,
  }
}

export function timeBlock(from: string, to: string, overrides: Partial<TemplateTimeBlock> = {}): TemplateTimeBlock {
  return { from, to, typeId: null, locationId: null, durationMinutes: null, plannable: true, onlineBookable: false, ...overrides }
}

/** A template with blocks on given pattern days (0–13). */
export function template(days: Record<number, TemplateTimeBlock[]>, overrides: Partial<CalendarTemplate> = {}): CalendarTemplate {
  const pattern = emptyPattern()
  for (const [day, blocks] of Object.entries(days)) pattern[Number(day)] = blocks
  return {
    id: '00000000-0000-4000-8000-0000000000f1',
    consultantId: '00000000-0000-4000-8000-0000000000c1',
    name: 'Sprechstunde',
    active: true,
    isDefault: true,
    anchorMonday: '2027-01-04',
    pattern,
    ...overrides,
  }
}
