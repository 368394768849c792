import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { structureHandlers } from './structure-handlers'
import { createStructureStore } from './postgres-structure-store'

/** Organisation structures (Mandanten): the tree, link options, administrators and switching into children. */
export const organisationStructureCapability = defineCapability({
  name: 'organisation-structure',
  routes: contract.organisationStructure,
  handlers: structureHandlers,
  stores: { structure: createStructureStore },
})
