/** Error codes of the address book, search, duplicates and result lists. Merged into errors/codes.ts. */
export const peopleErrors = {
  PERSON_NOT_FOUND: 'The person does not exist or is not connected to this organisation.',
  DUPLICATE_CANDIDATES: 'Possible duplicates exist: continue, cancel or link the existing person.',
  RESULT_LIST_NOT_FOUND: 'The result list does not exist or is not visible to this key.',
} as const
