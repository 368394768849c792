import { html, nothing, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { VkElement } from '../../base/vk-element'
import { renderField } from '../../base/render-field'
import type { ApplicationSubmissionInput } from '@vereinskit/core/applications'
import { applicationFormEndpoints } from '@vereinskit/core/contract'
import { createClientFor } from '@vereinskit/client'
import { ApplicationFormController, type ApplicationClient } from '../../controllers/application-form-controller'
import { LocalizeController } from '../../controllers/localize-controller'
import { reasonMessage } from '../../i18n/resolve-translation'
import { formControlStyles, tokens } from '../../styles/tokens.styles'
import { VkApplicationSubmitEvent } from '../../events/application-submit'
import { VkApplicationSuccessEvent } from '../../events/application-success'
import { VkApplicationErrorEvent } from '../../events/application-error'
import { VkIbanInput } from '../iban-input/iban-input'
import { membershipApplicationStyles } from './membership-application.styles'

const countries = ['DE', 'AT', 'CH', 'LU', 'NL', 'BE', 'FR', 'DK', 'SE', 'PL', 'CZ', 'IT'] as const

/**
 * @tagname vk-membership-application
 * @summary The online membership application form (Online-Mitgliedsantrag) of one organisation, with optional
 * SEPA mandate. Loads the organisation's offered fee-class groups, validates as the server does, submits through
 * the vereinskit client, shows the server's field errors next to the fields, and confirms success.
 *
 * @event vk-application-submit - Before sending; cancelable. `detail.submission` is what will be sent.
 * @event vk-application-success - The application was taken. `detail.receipt` has its id.
 * @event vk-application-error - The server refused it or was unreachable. `detail.error` is an `ApiError`.
 *
 * @csspart form - The form element.
 * @csspart heading - The form heading.
 * @csspart section - Each group of fields.
 * @csspart label - Field labels.
 * @csspart input - Native inputs and selects.
 * @csspart error - Field error messages.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart submit - The submit button.
 * @csspart confirmation - The thank-you message after success.
 *
 * @cssproperty --vk-theme-font-family - Global token: font of every vereinskit element.
 * @cssproperty --vk-theme-color-text - Global token: text colour.
 * @cssproperty --vk-theme-color-muted - Global token: colour of hints.
 * @cssproperty --vk-theme-color-border - Global token: borders of controls and sections.
 * @cssproperty --vk-theme-color-primary - Global token: accent (buttons, focus, links).
 * @cssproperty --vk-theme-color-on-primary - Global token: text on the accent colour.
 * @cssproperty --vk-theme-color-danger - Global token: errors.
 * @cssproperty --vk-theme-color-success - Global token: confirmations.
 * @cssproperty --vk-theme-color-surface - Global token: background of controls.
 * @cssproperty --vk-theme-radius - Global token: corner radius.
 * @cssproperty --vk-theme-spacing - Global token: base spacing.
 * @cssproperty --vk-theme-focus-ring - Global token: focus outline (a box-shadow).
 * @cssproperty --vk-control-border-color - Border of the control's input; defaults to the border colour.
 * @cssproperty --vk-control-background - Background of the input; defaults to the surface colour.
 * @cssproperty --vk-control-radius - Corner radius of the input; defaults to the global radius.
 * @cssproperty --vk-form-max-width - Maximum width of the form.
 * @cssproperty --vk-form-section-border-color - Border of each group of fields; defaults to the border colour.
 * @cssproperty --vk-form-submit-background - Background of the submit button; defaults to the accent colour.
 * @cssproperty --vk-form-submit-color - Text of the submit button; defaults to the text-on-accent colour.
 */
export class VkMembershipApplication extends VkElement {
  static override styles = [tokens, formControlStyles, membershipApplicationStyles]
  static override dependencies = { 'vk-iban-input': VkIbanInput }

  /** Id of the organisation the application goes to. */
  @property({ attribute: 'organisation-id' }) organisationId = ''
  /** Where the vereinskit API is mounted, e.g. `https://verein.example/api`. */
  @property({ attribute: 'base-url' }) baseUrl = ''
  /** A ready client; takes precedence over `base-url`. */
  @property({ attribute: false }) client: ApplicationClient | undefined
  /** Skip the checks in the browser and let the server decide (the server always checks). */
  @property({ type: Boolean }) novalidate = false

  @state() private payByDirectDebit = false

  /** Load, check, submit and the server's answer, testable without a browser; the element only renders it. */
  private readonly controller = new ApplicationFormController(
    () => this.api(),
    () => this.requestUpdate(),
  )

  private readonly localize = new LocalizeController(this)
  private loadedFor = ''
  private ownClient: ApplicationClient | undefined
  /** What was sent, repeated in the confirmation. */
  @state() private sent: { feeGroup: string; maskedIban: string | undefined } | undefined

  protected override willUpdate(): void {
    // The form is loaded once per organisation and API; a client built here does not count as a change.
    const key = `${this.baseUrl}|${this.organisationId}|${this.client ? 'own client' : ''}`
    if (this.organisationId && key !== this.loadedFor) {
      this.loadedFor = key
      void this.load()
    }
  }

  private api(): ApplicationClient {
    // Only the two endpoints the form calls, without schemas: the page stays small and the server validates.
    if (this.client) return this.client
    this.ownClient ??= createClientFor(
      { applications: applicationFormEndpoints },
      { baseUrl: this.baseUrl || new URL('/api', location.href).href },
    )
    return this.ownClient
  }

  private async load(): Promise<void> {
    await this.controller.load(this.organisationId)
    this.payByDirectDebit = this.controller.preselectsDirectDebit
    if (this.controller.phase === 'origin-not-allowed') {
      // For the site's developer: the fix, in the console.
      console.error(
        `vereinskit: ${location.origin} may not embed the application form of organisation ${this.organisationId}. ` +
          `Add it to the organisation's website origins: PATCH /organisations/${this.organisationId}/settings {"websiteOrigins": [..., "${location.origin}"]}.`,
      )
    }
  }

  /** The issues to show, by field path, in this element's language. */
  private get errors(): Readonly<Record<string, string>> {
    const { t } = this.localize
    const errors: Record<string, string> = {}
    for (const issue of this.controller.issues) errors[issue.path || 'form'] ??= reasonMessage(t, issue.code, issue.message)
    return errors
  }

  private get formError(): string {
    const { t } = this.localize
    const failure = this.controller.failure
    return failure === 'network'
      ? t.networkError
      : failure === 'rate-limited'
        ? t.rateLimited
        : failure === 'unexpected'
          ? t.unexpectedError
          : ''
  }

  private get form(): HTMLFormElement | null {
    return this.renderRoot.querySelector('form')
  }

  /** Reads the form into a submission as the API expects it. */
  private readSubmission(form: HTMLFormElement): ApplicationSubmissionInput {
    const data = new FormData(form)
    const text = (name: string) => String(data.get(name) ?? '').trim()
    const optional = (name: string) => text(name) || undefined
    return {
      salutation: text('salutation') as ApplicationSubmissionInput['salutation'],
      title: optional('title'),
      firstName: text('firstName'),
      lastName: text('lastName'),
      dateOfBirth: text('dateOfBirth'),
      address: {
        street: text('address.street'),
        postcode: text('address.postcode'),
        city: text('address.city'),
        country: text('address.country'),
      },
      email: text('email'),
      phone: text('phone'),
      feeClassGroupId: text('feeClassGroupId'),
      mandate: this.payByDirectDebit
        ? { accountHolder: text('mandate.accountHolder'), iban: text('mandate.iban'), consent: data.has('mandate.consent') }
        : undefined,
      privacyConsent: data.has('privacyConsent'),
    }
  }

  /** Shows the issues now in the controller: the IBAN control gets its own, the summary takes the focus. */
  private showIssues(): void {
    const iban = this.renderRoot.querySelector<VkIbanInput>('vk-iban-input')
    if (iban) iban.customError = this.errors['mandate.iban'] ?? ''
    // The summary at the top names every field; it takes the focus and scrolls into view (GOV.UK pattern).
    void this.updateComplete.then(() => {
      const summary = this.renderRoot.querySelector<HTMLElement>('.summary')
      summary?.scrollIntoView({ block: 'start' })
      summary?.focus({ preventScroll: true })
    })
  }

  /** The label of the field behind an issue path, for the error summary. */
  private labelOf(path: string): string {
    const { t } = this.localize
    const labels: Record<string, string> = {
      salutation: t.salutation,
      title: t.academicTitle,
      firstName: t.firstName,
      lastName: t.lastName,
      dateOfBirth: t.dateOfBirth,
      'address.street': t.street,
      'address.postcode': t.postcode,
      'address.city': t.city,
      'address.country': t.country,
      email: t.email,
      phone: t.phone,
      feeClassGroupId: t.feeClassGroup,
      'mandate.accountHolder': t.accountHolder,
      'mandate.iban': t.iban,
      'mandate.consent': t.mandateConsentLabel,
      privacyConsent: t.privacyNotice,
    }
    return labels[path] ?? ''
  }

  private focusField(path: string | undefined): void {
    if (!path) return
    const field = this.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`)
    ;(field ?? this.renderRoot.querySelector<HTMLElement>('.summary'))?.focus()
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const submission = this.readSubmission(event.target as HTMLFormElement)
    const outcome = await this.controller.submit(this.organisationId, submission, {
      validate: !this.novalidate,
      beforeSend: () => this.dispatchEvent(new VkApplicationSubmitEvent({ submission })),
    })
    if (outcome.kind === 'invalid') this.showIssues()
    if (outcome.kind === 'sent') {
      const group = this.controller.config?.feeClassGroups.find((g) => g.id === submission.feeClassGroupId)
      const iban = submission.mandate?.iban.replace(/\s+/g, '').toUpperCase()
      this.sent = {
        feeGroup: group ? `${group.name}${group.description ? ` – ${group.description}` : ''}` : '',
        maskedIban: iban ? `${iban.slice(0, 4)} •••• •••• ${iban.slice(-4)}` : undefined,
      }
      this.dispatchEvent(new VkApplicationSuccessEvent({ receipt: outcome.receipt }))
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus()
    }
    if (outcome.kind === 'refused') {
      if (outcome.error.issues.length > 0) this.showIssues()
      this.dispatchEvent(new VkApplicationErrorEvent({ error: outcome.error }))
    }
  }

  private field(
    name: string,
    label: string,
    options: { type?: string; autocomplete?: string; required?: boolean; inputmode?: string } = {},
  ): TemplateResult {
    const { t } = this.localize
    const error = this.errors[name] ?? ''
    const id = `f-${name.replace('.', '-')}`
    const field = { id, label, error, required: options.required ?? false, optionalText: t.optional, live: false }
    return html`<div>
      ${renderField(
        field,
        (describedBy) =>
          html`<input
            part="input"
            id=${id}
            name=${name}
            type=${options.type ?? 'text'}
            autocomplete=${options.autocomplete ?? 'off'}
            inputmode=${options.inputmode ?? nothing}
            ?required=${options.required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy ?? nothing}
            @input=${() => this.clearError(name)}
          />`,
      )}
    </div>`
  }

  /** A required select in the one field layout: label with marker, the select, its error. */
  private choice(name: string, label: string, options: readonly (readonly [string, string])[], autocomplete = 'off'): TemplateResult {
    const error = this.errors[name] ?? ''
    const id = `f-${name.replace('.', '-')}`
    return html`<div>
      ${renderField(
        { id, label, error, required: true, live: false },
        (describedBy) =>
          html`<select
            part="input"
            id=${id}
            name=${name}
            autocomplete=${autocomplete}
            required
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy ?? nothing}
            @change=${() => this.clearError(name)}
          >
            ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
          </select>`,
      )}
    </div>`
  }

  private clearError(name: string): void {
    this.controller.clearIssue(name)
  }

  private choiceError(name: string): TemplateResult {
    return html`<div part="error" class="error" id="f-${name.replace('.', '-')}-error">${this.errors[name] ?? ''}</div>`
  }

  protected override render() {
    const { t } = this.localize
    if (this.controller.phase === 'loading') return html`<p role="status">${t.loading}</p>`
    if (this.controller.phase === 'origin-not-allowed') return html`<p role="alert" part="unavailable">${t.originNotAllowed}</p>`
    if (this.controller.phase === 'load-failed' || !this.controller.config) {
      return html`<p role="alert">${t.loadFailed}</p>
        <button type="button" @click=${() => void this.load()}>${t.retry}</button>`
    }
    const config = this.controller.config
    if (this.controller.phase === 'closed')
      return html`<p role="status" part="unavailable">${t.applicationsClosed(config.organisationName)}</p>`
    if (this.controller.phase === 'success') {
      return html`<div class="confirmation" part="confirmation" role="status" tabindex="-1">
        <h2>${t.successHeading}</h2>
        <p>${t.successText(config.organisationName)}</p>
        <dl part="sent">
          <dt>${t.sentFeeGroup}</dt>
          <dd>${this.sent?.feeGroup}</dd>
          <dt>${t.sentPayment}</dt>
          <dd>${this.sent?.maskedIban ? html`${t.payByDirectDebit}: ${this.sent.maskedIban}` : t.sentByInvoice}</dd>
        </dl>
        ${this.sent?.maskedIban ? html`<p>${t.mandateReferenceLater}</p>` : nothing}
      </div>`
    }
    const regionNames = new Intl.DisplayNames([this.localize.lang], { type: 'region' })
    const issueCount = Object.keys(this.errors).length
    const err = (name: string) => (this.errors[name] ? 'true' : 'false')
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="heading">
        <h2 part="heading" id="heading">${t.heading} – ${config.organisationName}</h2>
        <p class="hint">${t.requiredHint}</p>
        ${
          issueCount > 0
            ? html`<div class="summary" part="error-summary" role="alert" tabindex="-1">
                <strong>${t.errorSummary(issueCount)}</strong>
                <ul>
                  ${Object.entries(this.errors).map(
                    ([path, message]) =>
                      html`<li>
                        <button type="button" @click=${() => this.focusField(path)}>
                          ${this.labelOf(path) ? html`<strong>${this.labelOf(path)}</strong>: ` : nothing}${message}
                        </button>
                      </li>`,
                  )}
                </ul>
              </div>`
            : nothing
        }
        ${this.formError ? html`<div class="summary" part="error-summary" role="alert">${this.formError}</div>` : nothing}

        <fieldset part="section">
          <legend>${t.personalData}</legend>
          <div class="row">
            ${this.choice(
              'salutation',
              t.salutation,
              (['ms', 'mr', 'mx', 'none'] as const).map((s) => [s, t.salutations[s]]),
            )}
            ${this.field('title', t.academicTitle, { autocomplete: 'honorific-prefix' })}
          </div>
          <div class="row">
            ${this.field('firstName', t.firstName, { autocomplete: 'given-name', required: true })}
            ${this.field('lastName', t.lastName, { autocomplete: 'family-name', required: true })}
          </div>
          ${this.field('dateOfBirth', t.dateOfBirth, { type: 'date', autocomplete: 'bday', required: true })}
        </fieldset>

        <fieldset part="section">
          <legend>${t.address}</legend>
          ${this.field('address.street', t.street, { autocomplete: 'street-address', required: true })}
          <div class="row">
            ${this.field('address.postcode', t.postcode, { autocomplete: 'postal-code', required: true })}
            ${this.field('address.city', t.city, { autocomplete: 'address-level2', required: true })}
          </div>
          ${this.choice(
            'address.country',
            t.country,
            countries.map((c) => [c, regionNames.of(c) ?? c]),
            'country',
          )}
        </fieldset>

        <fieldset part="section">
          <legend>${t.contact}</legend>
          ${this.field('email', t.email, { type: 'email', autocomplete: 'email', required: true })}
          ${this.field('phone', t.phone, { type: 'tel', autocomplete: 'tel' })}
        </fieldset>

        <fieldset part="section" aria-describedby="f-feeClassGroupId-error">
          <legend>${t.feeClassGroup}<span aria-hidden="true"> *</span></legend>
          ${config.feeClassGroups.map(
            (group) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name="feeClassGroupId"
                  value=${group.id}
                  ?checked=${group.id === config.defaultFeeClassGroupId}
                  @change=${() => this.clearError('feeClassGroupId')}
                />
                <span>${group.name}${group.description ? html` – ${group.description}` : nothing}</span>
              </label>`,
          )}
          ${this.choiceError('feeClassGroupId')}
        </fieldset>

        ${
          config.creditorId
            ? html`<fieldset part="section">
                <legend>${t.payment}</legend>
                <label class="choice">
                  <input
                    type="checkbox"
                    name="payByDirectDebit"
                    .checked=${this.payByDirectDebit}
                    @change=${(e: Event) => (this.payByDirectDebit = (e.target as HTMLInputElement).checked)}
                  />
                  <span>${t.payByDirectDebit}</span>
                </label>
                ${
                  this.payByDirectDebit
                    ? html`
                        ${this.field('mandate.accountHolder', t.accountHolder, { autocomplete: 'name', required: true })}
                        <vk-iban-input name="mandate.iban" required .label=${t.iban} .hint=${t.ibanHint}></vk-iban-input>
                        <p class="mandate-text" id="mandate-text">${t.mandateConsent(config.organisationName, config.creditorId)}</p>
                        <label class="choice">
                          <input
                            type="checkbox"
                            name="mandate.consent"
                            aria-describedby="mandate-text f-mandate-consent-error"
                            aria-invalid=${err('mandate.consent')}
                            @change=${() => this.clearError('mandate.consent')}
                          />
                          <span>${t.mandateConsentLabel}</span>
                        </label>
                        ${this.choiceError('mandate.consent')}
                      `
                    : nothing
                }
              </fieldset>`
            : nothing
        }

        <div>
          <label class="choice">
            <input
              type="checkbox"
              name="privacyConsent"
              aria-invalid=${err('privacyConsent')}
              aria-describedby="f-privacyConsent-error"
              @change=${() => this.clearError('privacyConsent')}
            />
            <span>
              ${t.privacyConsent}
              ${
                config.privacyNoticeUrl
                  ? html`<a href=${config.privacyNoticeUrl} target="_blank" rel="noopener">${t.privacyNotice}</a>`
                  : nothing
              }
            </span>
          </label>
          ${this.choiceError('privacyConsent')}
        </div>

        <button part="submit" type="submit" ?disabled=${this.controller.phase === 'submitting'}>
          ${this.controller.phase === 'submitting' ? t.submitting : t.submit}
        </button>
      </form>
    `
  }
}
