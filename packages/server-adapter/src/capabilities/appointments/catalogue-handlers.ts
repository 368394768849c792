import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'

type C = typeof contract

async function checkConsultantRefs(
  storage: OrganisationStorage,
  input: { defaultLocationId?: string | null | undefined; topicIds?: readonly string[] | undefined },
) {
  if (input.defaultLocationId && !(await storage.consultationLocations.get(input.defaultLocationId))) {
    throw notFound('LOCATION_NOT_FOUND', 'Location', input.defaultLocationId)
  }
  const topics = await storage.consultationTopics.getMany(input.topicIds ?? [])
  for (const id of input.topicIds ?? []) if (!topics.has(id)) throw notFound('CONSULTATION_TOPIC_NOT_FOUND', 'Topic', id)
}

/** The four catalogues: consultants (with their references checked), locations, consultation types and topics. */
export const catalogueHandlers: Pick<
  RouteHandlers<C>,
  'consultants' | 'consultationLocations' | 'consultationTypes' | 'consultationTopics'
> = {
  consultants: {
    list: async (_input, { storage }) => ({ items: await storage.consultants.list() }),
    create: ({ body }, { storage }) =>
      storage.transaction(async (tx) => {
        await checkConsultantRefs(tx, body)
        return tx.consultants.create(body)
      }),
    update: ({ params, body }, { storage }) =>
      storage.transaction(async (tx) => {
        if (!(await tx.consultants.get(params.consultantId))) throw notFound('CONSULTANT_NOT_FOUND', 'Consultant', params.consultantId)
        await checkConsultantRefs(tx, body)
        return (await tx.consultants.update(params.consultantId, body))!
      }),
  },
  consultationLocations: {
    list: async (_input, { storage }) => ({ items: await storage.consultationLocations.list() }),
    create: ({ body }, { storage }) => storage.consultationLocations.create(body),
    async update({ params, body }, { storage }) {
      const updated = await storage.consultationLocations.update(params.locationId, body)
      if (!updated) throw notFound('LOCATION_NOT_FOUND', 'Location', params.locationId)
      return updated
    },
  },
  consultationTypes: {
    list: async (_input, { storage }) => ({ items: await storage.consultationTypes.list() }),
    create: ({ body }, { storage }) => storage.consultationTypes.create(body),
    async update({ params, body }, { storage }) {
      const updated = await storage.consultationTypes.update(params.typeId, body)
      if (!updated) throw notFound('CONSULTATION_TYPE_NOT_FOUND', 'Consultation type', params.typeId)
      return updated
    },
  },
  consultationTopics: {
    list: async (_input, { storage }) => ({ items: await storage.consultationTopics.list() }),
    create: ({ body }, { storage }) => storage.consultationTopics.create(body),
    async update({ params, body }, { storage }) {
      const updated = await storage.consultationTopics.update(params.topicId, body)
      if (!updated) throw notFound('CONSULTATION_TOPIC_NOT_FOUND', 'Topic', params.topicId)
      return updated
    },
  },
}
