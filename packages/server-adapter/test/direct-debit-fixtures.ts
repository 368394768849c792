import type { aClubWithFees } from './money-fixtures'

type Club = Awaited<ReturnType<typeof aClubWithFees>>

/** The club's creditor account, direct debits and credits booked to its bank account, GSRegExp for its numbers 1000–1999. */
export async function withDirectDebitSettings(club: Club, overrides: Record<string, unknown> = {}) {
  return club.staff('PATCH', '/settings', {
    creditorIban: 'DE02120300000000202051',
    creditorBic: 'BYLADEM1001',
    directDebitAccountId: club.accounts.bank.id,
    creditTransferAccountId: club.accounts.bank.id,
    returnChargesAccountId: club.accounts.cost.id,
    creditMatchPattern: '\\b1[0-9]{3}\\b',
    ...overrides,
  })
}

/** Previews and applies a direct-debit run for `collectionDate`; answers both. */
export async function directDebitRun(club: Club, collectionDate: string) {
  const preview = await club.staff('POST', '/direct-debit-runs/preview', { collectionDate })
  const run = await club.staff('POST', '/direct-debit-runs', { collectionDate, idempotencyKey: preview.idempotencyKey })
  return { preview, run }
}

/** One transaction of a test camt.054 notification. */
export interface CamtTestEntry {
  readonly amount: string
  readonly currency?: string
  readonly creditDebit: 'CRDT' | 'DBIT'
  readonly reference: string
  readonly remittance?: string
  readonly endToEndId?: string
  readonly mandateId?: string
  readonly family?: string
  readonly returnReason?: string
  readonly instructed?: string
  readonly charges?: string
  readonly debtorName?: string
  readonly debtorIban?: string
}

/** A camt.054.001.08 notification with the given entries, as German banks send the breakdown of an account. */
export function camt054(messageId: string, entries: readonly CamtTestEntry[], bookingDate = '2027-01-20'): string {
  const entry = (
    e: CamtTestEntry,
  ) => `<Ntry><Amt Ccy="${e.currency ?? 'EUR'}">${e.amount}</Amt><CdtDbtInd>${e.creditDebit}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>${bookingDate}</Dt></BookgDt><ValDt><Dt>${bookingDate}</Dt></ValDt><AcctSvcrRef>${e.reference}</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${e.family ?? (e.creditDebit === 'CRDT' ? 'RCDT' : 'IDDT')}</Cd><SubFmlyCd>${e.creditDebit === 'CRDT' ? 'ESCT' : 'UPDD'}</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><EndToEndId>${e.endToEndId ?? 'NOTPROVIDED'}</EndToEndId>${e.mandateId ? `<MndtId>${e.mandateId}</MndtId>` : ''}</Refs>
${e.instructed ? `<AmtDtls><InstdAmt><Amt Ccy="EUR">${e.instructed}</Amt></InstdAmt></AmtDtls>` : ''}
${e.charges ? `<Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">${e.charges}</TtlChrgsAndTaxAmt></Chrgs>` : ''}
<RltdPties><Dbtr><Pty><Nm>${e.debtorName ?? 'Erika Mustermann'}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>${e.debtorIban ?? 'DE89370400440532013000'}</IBAN></Id></DbtrAcct></RltdPties>
${e.remittance ? `<RmtInf><Ustrd>${e.remittance}</Ustrd></RmtInf>` : ''}
${e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : ''}</TxDtls></NtryDtls></Ntry>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>${bookingDate}T08:00:00</CreDtTm></GrpHdr>
<Ntfctn><Id>${messageId}-1</Id><CreDtTm>${bookingDate}T08:00:00</CreDtTm><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
${entries.map(entry).join('\n')}
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`
}
