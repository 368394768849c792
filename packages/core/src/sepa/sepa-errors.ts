/** Error codes of sEPA identifiers (IBAN, BIC, creditor identifier, mandate reference). Merged into the one registry in errors/codes.ts. */
export const sepaErrors = {
  INVALID_IBAN: 'The IBAN is not valid.',
  INVALID_BIC: 'The BIC is not valid.',
  INVALID_CREDITOR_ID: 'The SEPA creditor identifier is not valid.',
  INVALID_MANDATE_REFERENCE: 'The SEPA mandate reference is not valid.',
} as const
