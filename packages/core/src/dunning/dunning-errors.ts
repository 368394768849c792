/** Error codes of dunning (Mahnwesen): levels, runs, blocks, exclusion and collection. Merged in errors/codes.ts. */
export const dunningErrors = {
  DUNNING_LEVELS_INVALID: 'The dunning levels do not form one chain from exactly one first to exactly one last level.',
  DUNNING_LEVEL_NOT_FOUND: 'The dunning level does not exist.',
  DUNNING_LEVEL_IN_USE: 'Memberships are at this dunning level; it cannot be removed.',
  DUNNING_RUN_INVALID: 'The dunning run cannot be applied: a level with a fee has no valid dunning-costs account.',
  DUNNING_REVERSAL_ORDER: 'A later dunning run shares members with this one; reverse the later run first.',
  DUNNING_NOTHING_TO_CANCEL: 'The membership has no dunning letter to cancel.',
  DUNNING_BLOCK_INVALID: 'The dunning block is invalid.',
  EXCLUSION_SETTINGS_MISSING: 'The exclusion run needs its club settings: dunning level, balance, end date and reason.',
  EXCLUSION_DATE_PAST: 'An exclusion run cannot be dated in the past.',
  COLLECTION_RUN_EMPTY: 'A collection run without memberships cannot be exported.',
  COLLECTION_RUN_EXPORTED: 'The collection run has been exported; it can no longer be changed or deleted.',
  TEMPLATE_NOT_FOUND: 'The document template does not exist.',
  TEMPLATE_PLACEHOLDER_UNKNOWN: 'The template uses placeholders that do not exist.',
  TEMPLATE_KIND_TAKEN: 'Another template already replaces the default for this letter kind.',
  DOCUMENT_NOT_FOUND: 'The document does not exist.',
} as const
