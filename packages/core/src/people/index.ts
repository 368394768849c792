/**
 * @module @vereinskit/core/people: the shared address book (Personen): person data and its audit lines, the standard
 * search with wildcards and folding (the same semantics the server evaluates in PostgreSQL), and the duplicate check.
 */
export { foldText, foldTextSs, digitsOf, foldingTable, foldingSqlFunction } from './fold-text'
export { likeMatches, escapeLike } from './like-pattern'
export { PersonSearchCriteria, compileSearch, checkSearchInput, isEmptySearch, textSearchFields } from './search-criteria'
export type { CompiledSearch, TextCondition, TextSearchField, SearchOptions } from './search-criteria'
export { searchPersons, personMatches, compareCodePoints, searchPositionOf } from './search-persons'
export type { SearchablePerson, SearchableRole, PersonSearchHit, MembershipRole, SearchPosition } from './search-persons'
export { findDuplicates, compareForDuplicate, duplicateKeys, duplicateWeights, defaultDuplicateThresholds } from './duplicate-check'
export type { DuplicateProbe, DuplicateSubject, DuplicateCandidate, DuplicateField, DuplicateThresholds } from './duplicate-check'
export { PersonInput, PersonChanges, personShape, personFields, personDefaults, completePerson, displayName } from './person'
export type { PersonData } from './person'
export { personFieldChanges, applyPersonChanges } from './person-audit'
export type { PersonFieldChange } from './person-audit'
export { peopleErrors } from './people-errors'
