import type { Consultant, ConsultationLocation, ConsultationTopic, ConsultationType } from '@vereinskit/core/appointments'

/** One catalogue of an organisation (consultants, locations, types, topics): records by name. */
export interface CatalogueStore<T extends { readonly id: string }> {
  list(): Promise<T[]>
  get(id: string): Promise<T | undefined>
  /** Several at once, for views; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Map<string, T>>
  /** Refuses a name used in the catalogue with DUPLICATE_NAME. */
  create(input: Omit<T, 'id'>): Promise<T>
  update(id: string, changes: Partial<Omit<T, 'id'>>): Promise<T | undefined>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly consultants: CatalogueStore<Consultant>
    readonly consultationLocations: CatalogueStore<ConsultationLocation>
    readonly consultationTypes: CatalogueStore<ConsultationType>
    readonly consultationTopics: CatalogueStore<ConsultationTopic>
  }
}
