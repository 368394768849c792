/** Error codes of member accounts: postings, allocations, accounts. Merged into the one registry in errors/codes.ts. */
export const ledgerErrors = {
  POSTING_NOT_FOUND: 'The posting does not exist.',
  POSTING_NOT_REVERSIBLE: 'Direct-debit and returned-debit postings cannot be reversed.',
  POSTING_ALREADY_REVERSED: 'The posting has already been reversed.',
  POSTING_IN_USE: 'The debit cannot be deleted: credits are allocated to it or a run has used it.',
  POSTING_FIELD_IMMUTABLE: 'Only the text and the document number of a saved posting can change.',
  ALLOCATION_INVALID: 'The allocation does not fit the open amounts.',
  ACCOUNT_NOT_FOUND: 'The account does not exist.',
  ACCOUNT_TYPE_MISMATCH: 'The account has the wrong type for this booking.',
  AMOUNT_OUT_OF_RANGE: 'The amount, or the balance it leads to, is larger than a member account can hold.',
} as const
