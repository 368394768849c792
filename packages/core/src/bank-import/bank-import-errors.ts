/** Error codes of bank imports (camt.053 and camt.054). Merged in errors/codes.ts. */
export const bankImportErrors = {
  BANK_FILE_TOO_LARGE: 'The bank file is larger than the import allows.',
  BANK_FILE_NOT_XML: 'The bank file is not well-formed XML.',
  BANK_FILE_DTD_REFUSED: 'The bank file contains a document type declaration or entity; bank files never need one, so it is refused.',
  BANK_FILE_TOO_DEEP: 'The bank file nests elements deeper than any camt file does.',
  BANK_FILE_UNSUPPORTED: 'The file is not a camt.053 or camt.054 message in version .001.02 or .001.08.',
  BANK_FILE_INVALID: 'The camt file lacks required content or has an amount that is not exact to the cent.',
  BANK_FILE_ALREADY_IMPORTED: 'This bank file has been imported already.',
  BANK_FILE_NOT_FOUND: 'The bank file does not exist.',
  BANK_FILE_CLOSED: 'The bank file is closed or failed; its entries can no longer be processed.',
  BANK_ENTRY_NOT_FOUND: 'The bank entry does not exist.',
  BANK_ENTRY_NOT_OPEN: 'The bank entry has been processed already.',
  BANK_ENTRY_NOT_ASSIGNABLE: 'Only open credit entries in the club’s currency can be assigned to a membership.',
  BANK_IMPORT_SETTINGS_MISSING: 'Bank imports need the credit-transfer account and the club’s creditor data in the settings.',
  RETURN_REASON_INVALID: 'The return reason code is invalid.',
} as const
