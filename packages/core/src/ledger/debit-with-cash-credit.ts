import type { Account } from '../fees/account'
import { VereinskitError } from '../errors/vereinskit-error'

/**
 * Checks the accounts of a one-step debit plus cash credit (Soll/Haben, handbook §11.8 Konto): the debit goes to a
 * receivable account, the credit to a cash/bank account.
 */
export function assertDebitWithCashAccounts(debitAccount: Account, creditAccount: Account): void {
  if (debitAccount.type !== 'receivable') {
    throw new VereinskitError('ACCOUNT_TYPE_MISMATCH', `The debit side needs a receivable account; ${debitAccount.name} is a cash account.`)
  }
  if (creditAccount.type !== 'cash') {
    throw new VereinskitError(
      'ACCOUNT_TYPE_MISMATCH',
      `The credit side needs a cash or bank account; ${creditAccount.name} is a receivable account.`,
    )
  }
}
