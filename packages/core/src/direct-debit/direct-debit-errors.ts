/** Error codes of direct debits (Lastschriften): mandates, runs, exports. Merged in errors/codes.ts. */
export const directDebitErrors = {
  MANDATE_NOT_FOUND: 'The mandate does not exist.',
  MANDATE_IN_USE: 'The mandate has been used for a collection; it cannot be deleted, only ended.',
  MANDATE_INVALID: 'The mandate data is inconsistent.',
  MANDATE_DOCUMENT_TOO_LARGE: 'The mandate document is too large.',
  MANDATE_DOCUMENT_NOT_PDF: 'The mandate document must be a PDF file.',
  CREDITOR_DATA_MISSING: 'Direct debits need the club’s creditor identifier, IBAN and the direct-debit account in the settings.',
  DIRECT_DEBIT_DATE_INVALID:
    'The collection date cannot be used: it is not a TARGET2 business day, or too late or too far ahead for the lead days.',
  DIRECT_DEBIT_RUN_EXPORTED: 'The direct-debit run has been exported; cancel the export before changing or deleting it.',
  DIRECT_DEBIT_RUN_NOT_EXPORTED: 'The direct-debit run has not been exported.',
  DIRECT_DEBIT_NOT_FOUND: 'The direct debit is not part of this run.',
  DIRECT_DEBIT_EXPORT_EMPTY: 'There is nothing to export for this sequence type.',
  DIRECT_DEBIT_CANCEL_UNCONFIRMED: 'Cancelling an export needs the explicit confirmation that the file has not been sent to the bank.',
  DIRECT_DEBIT_RETURNED: 'A collection of this export came back from the bank; the export cannot be cancelled.',
  DIRECT_DEBIT_ITEMS_SETTLED: 'Items of some debits were paid or changed since the run was created; remove those debits first.',
  DIRECT_DEBIT_MANDATE_CHANGED:
    'The mandates of some debits were revoked, ended or changed since the run was created; remove those debits first.',
  SEPA_TEXT_INVALID: 'A text cannot be written in the SEPA character set.',
  PRE_NOTIFICATION_NOT_FOUND: 'The pre-notification does not exist.',
} as const
