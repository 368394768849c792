import { VereinskitError, daysBetween } from '@vereinskit/core'
import {
  checkBlockDeletion,
  duplicateTemplate,
  generateBlocksForDay,
  generateBlocksForPeriod,
  localDateTimeOf,
  minutesOf,
  type BlockGeneration,
  type TemplatePattern,
} from '@vereinskit/core/appointments'
import type { contract } from '@vereinskit/core/contract'
import type { z } from 'zod'
import type { BlockDeletionRequest, BlockGenerationRequest } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { blockView } from './appointment-view'
import { instantsCovering } from './slot-search'
import { catalogueHandlers } from './catalogue-handlers'

type C = typeof contract

async function checkPatternRefs(storage: OrganisationStorage, pattern: TemplatePattern | undefined) {
  if (!pattern) return
  const blocks = pattern.flat()
  for (const id of new Set(blocks.map((b) => b.locationId).filter((x): x is string => x !== null))) {
    if (!(await storage.consultationLocations.get(id))) throw notFound('LOCATION_NOT_FOUND', 'Location', id)
  }
  for (const id of new Set(blocks.map((b) => b.typeId).filter((x): x is string => x !== null))) {
    if (!(await storage.consultationTypes.get(id))) throw notFound('CONSULTATION_TYPE_NOT_FOUND', 'Consultation type', id)
  }
}

async function templateView(storage: OrganisationStorage, template: { consultantId: string }) {
  const consultant = await storage.consultants.get(template.consultantId)
  return { ...(template as never as z.output<C['calendarTemplates']['create']['response']>), consultantName: consultant?.name ?? '' }
}

/** Plans a generation: loads consultants, template and the blocks already there, and asks core. */
async function planGeneration(
  storage: OrganisationStorage,
  request: z.output<typeof BlockGenerationRequest>,
  context: HandlerContext,
): Promise<BlockGeneration> {
  const locations = new Map((await storage.consultationLocations.list()).map((l) => [l.id, l.timeZone]))
  const timeZoneOf = (id: string | null) => (id ? (locations.get(id) ?? context.organisation.timeZone) : context.organisation.timeZone)
  const consultantOf = async (id: string) => {
    const consultant = await storage.consultants.get(id)
    if (!consultant) throw notFound('CONSULTANT_NOT_FOUND', 'Consultant', id)
    if (!consultant.active) throw new VereinskitError('CONSULTANT_INACTIVE', `${consultant.name} is inactive.`)
    return consultant
  }
  if (request.kind === 'period') {
    if (daysBetween(request.from, request.to) < 0) throw new VereinskitError('INVALID_RANGE', 'The period starts after it ends.')
    const consultant = await consultantOf(request.consultantId)
    const template = request.templateId
      ? await storage.calendar.getTemplate(request.templateId)
      : await storage.calendar.defaultTemplate(consultant.id)
    if (!template || template.consultantId !== consultant.id || !template.active) {
      // Only active templates are offered for preparing (handbook: Administration → Consultant calendar).
      throw new VereinskitError(
        'CALENDAR_TEMPLATE_NOT_FOUND',
        request.templateId
          ? template?.consultantId === consultant.id
            ? `Template "${template.name}" is inactive; activate it first.`
            : `Template ${request.templateId} is not one of ${consultant.name}'s.`
          : `${consultant.name} has no active default template; name one.`,
      )
    }
    const existing = await storage.calendar.blocks({ ...instantsCovering(request.from, request.to), consultantIds: [consultant.id] })
    return generateBlocksForPeriod({ consultant, template, from: request.from, to: request.to, timeZoneOf, existing })
  }
  if (request.locationId && !locations.has(request.locationId)) throw notFound('LOCATION_NOT_FOUND', 'Location', request.locationId)
  if (request.typeId && !(await storage.consultationTypes.get(request.typeId)))
    throw notFound('CONSULTATION_TYPE_NOT_FOUND', 'Consultation type', request.typeId)
  const consultants = []
  for (const id of new Set(request.consultantIds)) consultants.push(await consultantOf(id))
  const existing = await storage.calendar.blocks({
    ...instantsCovering(request.date, request.date),
    consultantIds: consultants.map((c) => c.id),
  })
  return generateBlocksForDay({ consultants, spec: request, timeZoneOf, existing })
}

function generationView(generation: BlockGeneration, stored?: readonly { id: string }[]) {
  return {
    blocks: generation.blocks.map((b, i) => blockView({ ...b, id: stored?.[i]?.id })),
    skipped: generation.skipped.map((b) => blockView(b)),
    onlineWithoutType: generation.blocks.filter((b) => b.onlineBookable && b.typeId === null).length,
  }
}

/** The blocks a deletion request covers, in local dates and times. */
async function blocksToDelete(storage: OrganisationStorage, request: z.output<typeof BlockDeletionRequest>) {
  for (const id of request.consultantIds) if (!(await storage.consultants.get(id))) throw notFound('CONSULTANT_NOT_FOUND', 'Consultant', id)
  if (daysBetween(request.fromDate, request.toDate) > 731)
    throw new VereinskitError('INVALID_RANGE', 'One deletion covers at most two years.')
  const candidates = await storage.calendar.blocks({
    ...instantsCovering(request.fromDate, request.toDate),
    consultantIds: request.consultantIds,
  })
  const blocks = candidates.filter((b) => {
    const local = localDateTimeOf(b.startsAt, b.timeZone)
    if (local.date < request.fromDate || local.date > request.toDate) return false
    if (request.fromTime && minutesOf(b.from) < minutesOf(request.fromTime)) return false
    if (request.toTime && minutesOf(b.to) > minutesOf(request.toTime)) return false
    return !request.locationId || b.locationId === request.locationId
  })
  const booked = await storage.appointments.list({ ...instantsCovering(request.fromDate, request.toDate), limit: 100_000 })
  const check = checkBlockDeletion(request.consultantIds, blocks, booked)
  const conflicting = new Set(check.flatMap((c) => c.conflictBlockIds))
  const conflictingAppointmentIds = booked
    .filter((a) =>
      blocks.some((b) => conflicting.has(b.id) && b.consultantId === a.consultantId && a.startsAt < b.endsAt && a.endsAt > b.startsAt),
    )
    .map((a) => a.id)
  const names = new Map((await storage.consultants.list()).map((c) => [c.id, c.name]))
  return {
    blocks,
    view: (deleted: number) => ({
      consultants: check.map((c) => ({
        consultantId: c.consultantId,
        consultantName: names.get(c.consultantId) ?? '',
        blocks: c.blocks,
        conflicts: c.conflicts,
      })),
      conflictingAppointmentIds,
      deleted,
    }),
  }
}

/**
 * Administration → Beraterkalender (handbook §9.3): catalogues, templates, generating and deleting blocks.
 * @see docs/decisions/0022-appointments.md
 */
export const appointmentSetupHandlers: Pick<
  RouteHandlers<C>,
  'consultants' | 'consultationLocations' | 'consultationTypes' | 'consultationTopics' | 'calendarTemplates' | 'appointmentBlocks'
> = {
  ...catalogueHandlers,
  calendarTemplates: {
    async list({ query }, { storage }) {
      const items = await storage.calendar.listTemplates(query)
      return { items: await Promise.all(items.map((t) => templateView(storage, t))) }
    },
    create: ({ body }, { storage }) =>
      storage.transaction(async (tx) => {
        if (!(await tx.consultants.get(body.consultantId))) throw notFound('CONSULTANT_NOT_FOUND', 'Consultant', body.consultantId)
        await checkPatternRefs(tx, body.pattern)
        return templateView(tx, await tx.calendar.createTemplate(body))
      }),
    update: ({ params, body }, { storage }) =>
      storage.transaction(async (tx) => {
        if (!(await tx.calendar.getTemplate(params.templateId)))
          throw notFound('CALENDAR_TEMPLATE_NOT_FOUND', 'Template', params.templateId)
        await checkPatternRefs(tx, body.pattern)
        return templateView(tx, (await tx.calendar.updateTemplate(params.templateId, body))!)
      }),
    duplicate: ({ params }, { storage }) =>
      storage.transaction(async (tx) => {
        const template = await tx.calendar.getTemplate(params.templateId)
        if (!template) throw notFound('CALENDAR_TEMPLATE_NOT_FOUND', 'Template', params.templateId)
        return templateView(tx, await tx.calendar.createTemplate(duplicateTemplate(template)))
      }),
  },
  appointmentBlocks: {
    async list({ query }, { storage }) {
      if (daysBetween(query.fromDate, query.toDate) < 0 || daysBetween(query.fromDate, query.toDate) >= 92) {
        throw new VereinskitError('INVALID_RANGE', 'Ask for at most 92 days, the start before the end.')
      }
      const blocks = await storage.calendar.blocks({
        ...instantsCovering(query.fromDate, query.toDate),
        consultantIds: query.consultantId ? [query.consultantId] : undefined,
      })
      return { items: blocks.filter((b) => b.date >= query.fromDate && b.date <= query.toDate).map((b) => blockView(b)) }
    },
    async preview({ body }, context) {
      return generationView(await planGeneration(context.storage, body, context))
    },
    generate: ({ body }, context) =>
      context.storage.transaction(async (tx) => {
        // Generations of one organisation go one at a time, so two of them cannot create the same blocks.
        await tx.organisation.getForUpdate()
        const generation = await planGeneration(tx, body, context)
        return generationView(generation, await tx.calendar.insertBlocks(generation.blocks))
      }),
    async checkDeletion({ body }, { storage }) {
      return (await blocksToDelete(storage, body)).view(0)
    },
    delete: ({ body }, { storage }) =>
      storage.transaction(async (tx) => {
        const { blocks, view } = await blocksToDelete(tx, body)
        return view(await tx.calendar.deleteBlocks(blocks.map((b) => b.id)))
      }),
  },
}
