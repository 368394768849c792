import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { peopleHandlers } from './people-handlers'
import { createPeopleStore } from './postgres-people-store'
import { resultListHandlers } from './result-list-handlers'
import { createResultListStore } from './postgres-result-list-store'

/** The shared address book (Personen): persons, search, duplicate check, audit log. */
export const peopleCapability = defineCapability({
  name: 'people',
  routes: contract.persons,
  handlers: peopleHandlers,
  stores: { people: createPeopleStore },
})

/** Result lists (Ergebnislisten): saved search results, exported for spreadsheets. */
export const resultListCapability = defineCapability({
  name: 'result-lists',
  routes: contract.resultLists,
  handlers: resultListHandlers,
  stores: { resultLists: createResultListStore },
})
