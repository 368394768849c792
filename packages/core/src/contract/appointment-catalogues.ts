import * as z from 'zod'
import { ConsultantInput, ConsultationTopicInput, ConsultationTypeInput, LocationInput } from '../appointments'
import { IdSchema } from './scalars'
import { defineRoute } from './define-route'
import { changeOf } from './change-of'

const path = '/organisations/:organisationId'

export const ConsultantView = ConsultantInput.extend({ id: IdSchema })
export const LocationView = LocationInput.extend({ id: IdSchema })
export const ConsultationTypeView = ConsultationTypeInput.extend({ id: IdSchema })
export const ConsultationTopicView = ConsultationTopicInput.extend({ id: IdSchema })

/** The three routes of one catalogue: list, create, change. */
function catalogue<const Segment extends string, const IdName extends string, V extends z.ZodType, I extends z.ZodObject>(
  segment: Segment,
  idName: IdName,
  view: V,
  input: I,
  label: string,
  notFound: 'CONSULTANT_NOT_FOUND' | 'LOCATION_NOT_FOUND' | 'CONSULTATION_TYPE_NOT_FOUND' | 'CONSULTATION_TOPIC_NOT_FOUND',
  /** ADMAPPL for the application catalogues, ADMBK for the consultants of the calendar. */
  permission: 'ADMAPPL' | 'ADMBK',
) {
  return {
    list: defineRoute({
      method: 'GET',
      path: `${path}/${segment}` as `${typeof path}/${Segment}`,
      access: 'staff',
      summary: `The ${label} catalogue, by name.`,
      response: z.object({ items: z.array(view) }),
      errors: [],
    }),
    create: defineRoute({
      method: 'POST',
      path: `${path}/${segment}` as `${typeof path}/${Segment}`,
      access: 'staff',
      permission,
      status: 201,
      summary: `Add a ${label}.`,
      body: input,
      response: view,
      errors: ['DUPLICATE_NAME', 'LOCATION_NOT_FOUND', 'CONSULTATION_TOPIC_NOT_FOUND'],
    }),
    update: defineRoute({
      method: 'PATCH',
      path: `${path}/${segment}/:${idName}` as `${typeof path}/${Segment}/:${IdName}`,
      access: 'staff',
      permission,
      summary: `Change a ${label}.`,
      body: changeOf(input),
      response: view,
      errors: [notFound, 'DUPLICATE_NAME', 'LOCATION_NOT_FOUND', 'CONSULTATION_TOPIC_NOT_FOUND'],
    }),
  }
}

/** The catalogues behind the calendar: consultants (ADMBK), locations, consultation types and topics (ADMAPPL). */
export const appointmentCatalogueRoutes = {
  consultants: catalogue('consultants', 'consultantId', ConsultantView, ConsultantInput, 'consultant', 'CONSULTANT_NOT_FOUND', 'ADMBK'),
  consultationLocations: catalogue(
    'consultation-locations',
    'locationId',
    LocationView,
    LocationInput,
    'consultation location',
    'LOCATION_NOT_FOUND',
    'ADMAPPL',
  ),
  consultationTypes: catalogue(
    'consultation-types',
    'typeId',
    ConsultationTypeView,
    ConsultationTypeInput,
    'consultation type',
    'CONSULTATION_TYPE_NOT_FOUND',
    'ADMAPPL',
  ),
  consultationTopics: catalogue(
    'consultation-topics',
    'topicId',
    ConsultationTopicView,
    ConsultationTopicInput,
    'consultation topic',
    'CONSULTATION_TOPIC_NOT_FOUND',
    'ADMAPPL',
  ),
}
