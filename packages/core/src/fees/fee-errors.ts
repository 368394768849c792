/** Error codes of fee classes, payment plans, assignments and charge runs. Merged into the one registry in errors/codes.ts. */
export const feeErrors = {
  ASSIGNMENT_CHANGE_BEFORE_START: 'A fee class change must start after the current class started.',
  ASSIGNMENT_ALREADY_ENDED: 'The fee class assignment has already ended.',
  ASSIGNMENT_CHARGED: 'The fee class assignment has charges; end it instead of removing it.',
  ASSIGNMENT_NOT_FOUND: 'The fee class assignment does not exist.',
  FEE_CLASS_NOT_FOUND: 'The fee class does not exist.',
  FEE_CLASS_GROUP_NOT_FOUND: 'The fee-class group does not exist.',
  FEE_CLASS_GROUP_NOT_OFFERED: 'The fee-class group contains a class that is not valid on the joining day.',
  PAYMENT_PLAN_NOT_FOUND: 'The payment plan does not exist.',
  FEE_CLASS_NOT_ASSIGNABLE: 'The fee class is hidden or not valid for this period and cannot be assigned.',
  CHARGE_RUN_IN_USE: 'The charge run cannot be undone: an invoice, direct-debit or dunning run has used its charges.',
  CHARGE_RUN_HAS_DEPENDANTS: 'The charge run cannot be undone: reversals, write-offs or manual allocations depend on its charges.',
} as const
