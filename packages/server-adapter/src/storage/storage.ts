import type {
  Account,
  Allocation,
  ApplicationSubmission,
  CalendarDate,
  ChargedYear,
  ClubSettings,
  DebitUsage,
  FeeAssignment,
  FeeClass,
  LedgerPosting,
  MembershipNumberRange,
  NewPaymentPlan,
  PaymentMethod,
  PaymentPlan,
  PostalAddress,
  PostingKind,
} from '@vereinskit/core'
import type { Application, MembershipView, PostingView } from '@vereinskit/core/contract'

/** An organisation (club, association, division) and the settings the foundation uses. */
export interface OrganisationRecord {
  readonly id: string
  readonly name: string
  readonly creditorId: string | null
  readonly websiteOrigins: readonly string[]
  readonly privacyNoticeUrl: string | null
  readonly membershipNumberRange: MembershipNumberRange
  readonly mandateReferencePrefix: string
  /** IANA time zone that decides what "today" is for this organisation. */
  readonly timeZone: string
}

/** What is needed to create an organisation; everything else has defaults. */
export interface NewOrganisation {
  readonly name: string
  readonly creditorId?: string | null
  readonly websiteOrigins?: readonly string[]
  readonly privacyNoticeUrl?: string | null
  readonly membershipNumberRange?: MembershipNumberRange
  readonly mandateReferencePrefix?: string
  readonly timeZone?: string
}

/** A fee-class group as stored. */
export interface FeeClassGroupRecord {
  readonly id: string
  readonly organisationId: string
  readonly name: string
  readonly description: string | null
  readonly offeredOnline: boolean
  readonly isDefault: boolean
}

/** A page of results and the cursor of the next page. */
export interface Page<T> {
  readonly items: T[]
  readonly nextCursor: string | null
}

/** A person's data as captured (shared address book entry). */
export interface NewPerson {
  readonly salutation: ApplicationSubmission['salutation']
  readonly title?: string | undefined
  readonly firstName: string
  readonly lastName: string
  readonly dateOfBirth: CalendarDate
  readonly address: ApplicationSubmission['address']
  readonly email?: string | undefined
  readonly phone?: string | undefined
}

/** A new SEPA mandate. */
export interface NewMandate {
  readonly personId: string
  readonly membershipId: string
  readonly reference: string
  readonly accountHolder: string
  readonly iban: string
  readonly bic: string | null
  readonly creditorId: string
  readonly signedOn: CalendarDate
}

/** Organisations and their settings. */
export interface OrganisationStore {
  create(input: NewOrganisation): Promise<OrganisationRecord>
  get(id: string): Promise<OrganisationRecord | undefined>
  list(): Promise<OrganisationRecord[]>
  /** Reads the organisation and locks its row until the transaction ends (serialises number assignment). */
  getForUpdate(id: string): Promise<OrganisationRecord | undefined>
  /** Changes the website settings. */
  updateWebsite(id: string, changes: { websiteOrigins?: readonly string[]; privacyNoticeUrl?: string | null }): Promise<OrganisationRecord>
}

/** Staff API keys, stored as hashes. */
export interface ApiKeyStore {
  create(organisationId: string, keyHash: string, label: string): Promise<{ id: string }>
  findActiveByHash(keyHash: string): Promise<{ id: string; organisationId: string } | undefined>
}

/** Fee-class groups of an organisation. */
export interface FeeClassGroupStore {
  create(organisationId: string, input: Omit<FeeClassGroupRecord, 'id' | 'organisationId'>): Promise<FeeClassGroupRecord>
  list(organisationId: string): Promise<FeeClassGroupRecord[]>
  update(organisationId: string, id: string, changes: Partial<Omit<FeeClassGroupRecord, 'id' | 'organisationId'>>): Promise<boolean>
}

/** Online applications, always scoped to one organisation. */
export interface ApplicationStore {
  /** Stores a submission; the moment and the day come from the request's clock, never from the database. */
  insert(
    organisationId: string,
    submission: ApplicationSubmission,
    at: { submittedAt: Date; submittedOn: CalendarDate },
  ): Promise<Application>
  list(
    organisationId: string,
    query: { status?: Application['status'] | undefined; limit: number; cursor?: string | undefined },
  ): Promise<Page<Application>>
  get(organisationId: string, id: string): Promise<Application | undefined>
  /** Reads the application and locks it until the transaction ends, so two decisions cannot race. */
  getForUpdate(organisationId: string, id: string): Promise<Application | undefined>
  markAccepted(
    organisationId: string,
    id: string,
    created: { personId: string; membershipId: string },
    decidedAt: Date,
  ): Promise<Application>
  markRejected(organisationId: string, id: string, reason: string | null, decidedAt: Date): Promise<Application>
}

/** The shared address book. Creating is open; reading goes through an organisation's connections. */
export interface PersonStore {
  create(person: NewPerson): Promise<{ id: string }>
}

/** A membership with what the runs (charge, invoice, write-off) need. */
export interface MembershipForRuns {
  readonly id: string
  readonly number: number
  readonly joinedOn: CalendarDate
  readonly endsOn: CalendarDate | null
  readonly paymentMethod: PaymentMethod
  readonly processingBlocked: boolean
  readonly addressInvalid: boolean
  readonly name: string
  readonly postalAddress: PostalAddress
  readonly billingAddress: PostalAddress | null
}

/** Changes staff may make to a membership. */
export interface MembershipChanges {
  readonly paymentMethod?: PaymentMethod | undefined
  readonly endsOn?: CalendarDate | null | undefined
  readonly processingBlocked?: boolean | undefined
  readonly addressInvalid?: boolean | undefined
  readonly billingAddress?: PostalAddress | null | undefined
}

/** Memberships and mandates of an organisation. */
export interface MembershipStore {
  create(
    organisationId: string,
    input: { personId: string; number: number; feeClassGroupId: string | null; joinedOn: CalendarDate; paymentMethod: PaymentMethod },
  ): Promise<{ id: string; number: number; personId: string; joinedOn: CalendarDate }>
  update(organisationId: string, id: string, changes: MembershipChanges): Promise<boolean>
  listForRuns(organisationId: string): Promise<MembershipForRuns[]>
  idsByNumbers(organisationId: string, numbers: readonly number[]): Promise<Map<number, string>>
  /** The lowest membership number ≥ `from` that no membership of the organisation holds (may exceed the range). */
  lowestFreeNumber(organisationId: string, from: number): Promise<number>
  get(organisationId: string, id: string): Promise<MembershipView | undefined>
  createMandate(organisationId: string, mandate: NewMandate): Promise<{ id: string; reference: string }>
}

/** Accounts, payment plans, fee classes, group contents and club settings. */
export interface FinanceStore {
  listAccounts(organisationId: string): Promise<Account[]>
  createAccount(organisationId: string, input: Omit<Account, 'id'>): Promise<Account>
  listPlans(organisationId: string): Promise<PaymentPlan[]>
  createPlan(organisationId: string, input: NewPaymentPlan): Promise<PaymentPlan>
  /** Replaces a plan's name and rules; undefined when the plan does not exist. */
  updatePlan(organisationId: string, plan: PaymentPlan): Promise<PaymentPlan | undefined>
  listFeeClasses(organisationId: string): Promise<FeeClass[]>
  createFeeClass(organisationId: string, input: Omit<FeeClass, 'id'>): Promise<FeeClass>
  updateFeeClass(
    organisationId: string,
    id: string,
    changes: Partial<Pick<FeeClass, 'validUntil' | 'successorId' | 'showInMembership'>>,
  ): Promise<FeeClass | undefined>
  listGroupItems(organisationId: string): Promise<{ groupId: string; feeClassId: string; amount: number }[]>
  setGroupItems(organisationId: string, groupId: string, items: readonly { feeClassId: string; amount: number }[]): Promise<void>
  getSettings(organisationId: string): Promise<ClubSettings>
  updateSettings(organisationId: string, changes: Partial<ClubSettings>): Promise<ClubSettings>
  /** Reserves `count` invoice numbers; returns the last number before them. Call with the organisation row locked. */
  takeInvoiceNumbers(organisationId: string, count: number): Promise<number>
  lastInvoiceNumber(organisationId: string): Promise<number>
}

/** Fee-class assignments. */
export interface AssignmentStore {
  listForMembership(organisationId: string, membershipId: string): Promise<FeeAssignment[]>
  listAll(organisationId: string): Promise<FeeAssignment[]>
  getForUpdate(organisationId: string, id: string): Promise<FeeAssignment | undefined>
  create(organisationId: string, input: Omit<FeeAssignment, 'id'>): Promise<FeeAssignment>
  update(
    organisationId: string,
    id: string,
    changes: Partial<Pick<FeeAssignment, 'validFrom' | 'validUntil' | 'paymentPlanId'>>,
  ): Promise<FeeAssignment>
  remove(organisationId: string, id: string): Promise<void>
  countCharges(organisationId: string, id: string): Promise<number>
}

/** A posting to insert. */
export interface NewPostingRow {
  readonly membershipId: string
  readonly accountId: string
  readonly date: CalendarDate
  readonly amount: number
  readonly text: string
  readonly documentNumber: string | null
  readonly kind: PostingKind
  readonly runId: string | null
  readonly chargeKey: string | null
  readonly chargeAssignmentId: string | null
  readonly chargeYear: number | null
  readonly reversalOf: string | null
  readonly createdBy: string
}

/** How an allocation came about; only `automatic` ones are re-made by the D3 rule. */
export type AllocationOrigin = 'automatic' | 'manual' | 'reversal' | 'write-off' | 'cash'

/** Member-account postings and allocations. */
export interface LedgerStore {
  postingViews(organisationId: string, filter: { membershipId?: string; runId?: string; ids?: readonly string[] }): Promise<PostingView[]>
  ledger(
    organisationId: string,
    membershipIds: readonly string[] | 'all',
  ): Promise<{ postings: LedgerPosting[]; allocations: Allocation[] }>
  membershipsWithUnallocatedCredit(organisationId: string, membershipIds: readonly string[]): Promise<string[]>
  getPosting(organisationId: string, id: string, options?: { forUpdate?: boolean }): Promise<LedgerPosting | undefined>
  isReversed(organisationId: string, postingId: string): Promise<boolean>
  usage(organisationId: string, postingId: string): Promise<DebitUsage>
  chargedYears(organisationId: string): Promise<ChargedYear[]>
  /** Inserts in batches; a charge whose key exists already is skipped (never charged twice). */
  insertPostings(organisationId: string, rows: readonly NewPostingRow[], onBatch?: (done: number) => void): Promise<LedgerPosting[]>
  updatePosting(organisationId: string, id: string, changes: { text?: string; documentNumber?: string | null }): Promise<void>
  deletePosting(organisationId: string, id: string): Promise<void>
  insertAllocations(organisationId: string, allocations: readonly Allocation[], origin?: AllocationOrigin): Promise<void>
  allocationsOf(organisationId: string, postingId: string): Promise<Allocation[]>
  deleteAllocations(organisationId: string, allocations: readonly Allocation[]): Promise<void>
  deleteAllocationsOfCredit(organisationId: string, creditId: string): Promise<void>
  /** True when an invoice, direct-debit or dunning run used a posting of this run (D5). */
  runInUse(organisationId: string, runId: string): Promise<boolean>
  /** What staff did to the run's postings since: reversals, write-offs and hand-made allocations (0007). */
  runDependants(organisationId: string, runId: string): Promise<{ reversals: number; writeOffs: number; manualAllocations: number }>
  /** Deletes the run's postings (and their allocations); returns the member accounts touched. */
  deleteRunPostings(organisationId: string, runId: string): Promise<string[]>
  addUses(uses: readonly { postingId: string; runId: string; kind: 'invoice' | 'direct-debit' | 'dunning' }[]): Promise<void>
  removeUsesOfRun(runId: string): Promise<void>
  usedPostingIds(organisationId: string, kind: 'invoice' | 'direct-debit' | 'dunning'): Promise<Set<string>>
  postingIdsOfRun(organisationId: string, runId: string): Promise<string[]>
  /** The given memberships whose balance lies beyond ± `limit` cents. */
  balancesBeyond(organisationId: string, membershipIds: readonly string[], limit: number): Promise<string[]>
  /** Balance per membership that has postings. */
  balances(organisationId: string): Promise<Map<string, number>>
}

/** A run as stored. */
export interface RunRecord {
  readonly id: string
  readonly kind: 'charge' | 'invoice' | 'write-off'
  readonly idempotencyKey: string
  readonly asOf: CalendarDate
  /** The request the run was applied with (its date, criteria); compared when the key comes again. */
  readonly parameters: unknown
  readonly summary: Readonly<Record<string, number>>
  readonly createdAt: string
  readonly reversedAt: string | null
}

/** An invoice as stored. */
export interface InvoiceRecord {
  readonly id: string
  readonly number: number
  readonly membershipId: string
  readonly invoiceDate: CalendarDate
  readonly dueOn: CalendarDate
  readonly total: number
  readonly letter: {
    readonly membershipNumber: number
    readonly recipient: { readonly name: string; readonly address: PostalAddress }
    readonly items: readonly { debitId: string; date: CalendarDate; text: string; open: number }[]
  }
  readonly cancelled: boolean
}

/** Runs and their invoices. */
export interface RunStore {
  create(organisationId: string, input: Pick<RunRecord, 'kind' | 'idempotencyKey' | 'asOf' | 'summary' | 'parameters'>): Promise<RunRecord>
  /** Idempotency keys are scoped by organisation and kind: an invoice-run key never finds a charge run. */
  findByKey(organisationId: string, kind: RunRecord['kind'], idempotencyKey: string): Promise<RunRecord | undefined>
  get(organisationId: string, id: string, kind: RunRecord['kind'], options?: { forUpdate?: boolean }): Promise<RunRecord | undefined>
  list(organisationId: string, kind: RunRecord['kind']): Promise<RunRecord[]>
  markReversed(organisationId: string, id: string, reversedAt: Date): Promise<RunRecord>
  insertInvoices(organisationId: string, runId: string, invoices: readonly Omit<InvoiceRecord, 'id' | 'cancelled'>[]): Promise<void>
  invoicesOfRun(organisationId: string, runId: string): Promise<InvoiceRecord[]>
  cancelInvoicesOfRun(organisationId: string, runId: string, cancelledAt: Date): Promise<void>
}

/**
 * The storage port: everything the request handler persists, scoped by organisation. `transaction` runs `work`
 * atomically with a storage bound to that transaction.
 */
export interface Storage {
  readonly organisations: OrganisationStore
  readonly apiKeys: ApiKeyStore
  readonly feeClassGroups: FeeClassGroupStore
  readonly applications: ApplicationStore
  readonly persons: PersonStore
  readonly memberships: MembershipStore
  readonly finance: FinanceStore
  readonly assignments: AssignmentStore
  readonly ledger: LedgerStore
  readonly runs: RunStore
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>
}
