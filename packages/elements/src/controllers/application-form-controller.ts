import type { FieldIssue } from '@vereinskit/core'
import { checkApplication, checkSubmission, type ApplicationSubmissionInput } from '@vereinskit/core/applications'
import type { ApplicationForm, ApplicationReceipt, applicationFormEndpoints } from '@vereinskit/core/contract'
import { ApiError, isApiError, type ClientMethods } from '@vereinskit/client'

/** The part of the vereinskit client the form uses; a full `createClient(...)` client fits too. */
export type ApplicationClient = ClientMethods<{ applications: typeof applicationFormEndpoints }>

/** Where the form stands. */
export type ApplicationFormPhase = 'loading' | 'load-failed' | 'origin-not-allowed' | 'closed' | 'ready' | 'submitting' | 'success'

/** What went wrong with a submission that has no field issues, as a key the view translates. */
export type SubmissionFailure = 'network' | 'rate-limited' | 'unexpected'

/** The outcome of `submit`. */
export type SubmitOutcome =
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'sent'; readonly receipt: ApplicationReceipt }
  | { readonly kind: 'refused'; readonly error: ApiError }

/**
 * The logic of the membership application form without any DOM: loads what the organisation offers, checks a
 * submission as the server will (field rules, then the organisation's rules against its own "today"), submits it
 * and maps the server's answer to field issues or a failure. The element renders `phase`, `config` and `issues`
 * and is told of every change through `onChange`; tests drive the controller in Node with a fake client.
 */
export class ApplicationFormController {
  phase: ApplicationFormPhase = 'loading'
  config: ApplicationForm | undefined
  issues: readonly FieldIssue[] = []
  failure: SubmissionFailure | undefined

  constructor(
    private readonly client: () => ApplicationClient,
    private readonly onChange: () => void,
  ) {}

  /** Loads the form of `organisationId`; the phase says whether it is open, closed or unavailable. */
  async load(organisationId: string): Promise<void> {
    this.set({ phase: 'loading', issues: [], failure: undefined })
    try {
      const config = await this.client().applications.form({ params: { organisationId } })
      this.set({ config, phase: config.applicationsOpen ? 'ready' : 'closed' })
    } catch (error) {
      this.set({ phase: isApiError(error) && error.code === 'ORIGIN_NOT_ALLOWED' ? 'origin-not-allowed' : 'load-failed' })
    }
  }

  /** Whether the form preselects payment by direct debit (only where the organisation collects). */
  get preselectsDirectDebit(): boolean {
    return this.config !== undefined && this.config.creditorId !== null && this.config.preselectedPaymentMethod === 'direct-debit'
  }

  /** The issues the server would answer for `submission`, checked in the browser. */
  check(submission: ApplicationSubmissionInput): FieldIssue[] {
    const checked = checkSubmission(submission)
    if (checked.issues.length > 0 || !this.config) return checked.issues
    // "Today" is the organisation's, as the server's clock sees it, never the browser's.
    return checkApplication(checked.submission, {
      asOf: this.config.today,
      offeredFeeGroupIds: this.config.feeClassGroups.map((g) => g.id),
      acceptsMandates: this.config.creditorId !== null,
    })
  }

  /**
   * Checks (unless `validate` is false) and sends a submission. `beforeSend` may cancel (the element's cancelable
   * event). Field issues from the browser's check or the server's 422 land in `issues`; other refusals in `failure`.
   */
  async submit(
    organisationId: string,
    submission: ApplicationSubmissionInput,
    options: { validate: boolean; beforeSend: () => boolean },
  ): Promise<SubmitOutcome> {
    if (this.phase !== 'ready') return { kind: 'cancelled' }
    const issues = options.validate ? this.check(submission) : []
    this.set({ issues, failure: undefined })
    if (issues.length > 0) return { kind: 'invalid', issues }
    if (!options.beforeSend()) return { kind: 'cancelled' }
    this.set({ phase: 'submitting' })
    try {
      const receipt = await this.client().applications.submit({ params: { organisationId }, body: submission })
      this.set({ phase: 'success' })
      return { kind: 'sent', receipt }
    } catch (caught) {
      const error = isApiError(caught) ? caught : new ApiError('NETWORK_ERROR', String(caught), { cause: caught })
      const failure = error.issues.length > 0 ? undefined : failureOf(error)
      this.set({ phase: 'ready', issues: error.issues, failure })
      return { kind: 'refused', error }
    }
  }

  /** Forgets the issue of a field the person is editing. */
  clearIssue(path: string): void {
    if (this.issues.some((i) => i.path === path)) this.set({ issues: this.issues.filter((i) => i.path !== path) })
  }

  private set(changes: Partial<Pick<ApplicationFormController, 'phase' | 'config' | 'issues' | 'failure'>>): void {
    Object.assign(this, changes)
    this.onChange()
  }
}

function failureOf(error: ApiError): SubmissionFailure {
  return error.code === 'NETWORK_ERROR' ? 'network' : error.code === 'RATE_LIMITED' ? 'rate-limited' : 'unexpected'
}
