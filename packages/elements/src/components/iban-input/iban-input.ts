import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { property, query, state } from 'lit/decorators.js'
import { checkIban, formatIban, ibanLengthFor, normalizeIban } from '@vereinskit/core/sepa'
import { LocalizeController } from '../../controllers/localize-controller'
import { reasonMessage } from '../../i18n/resolve-translation'
import { formControlStyles, tokens } from '../../styles/tokens.styles'
import { ibanInputStyles } from './iban-input.styles'

let nextId = 0

/**
 * @summary A form-associated IBAN field: groups the IBAN in fours as you type, checks country, length and check
 * digits, and submits the IBAN without spaces.
 *
 * @event input - The value changed.
 * @event change - The value was committed.
 *
 * @csspart label - The label.
 * @csspart input - The native input.
 * @csspart hint - The hint below the input.
 * @csspart error - The error message.
 *
 * @cssproperty --vk-color-danger - Colour of errors.
 * @cssproperty --vk-color-border - Colour of the input border.
 *
 * @cssstate user-invalid - Invalid and the user has finished typing or left the field.
 * @cssstate valid - Holds a valid IBAN.
 */
export class VkIbanInput extends LitElement {
  static formAssociated = true
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true }
  static override styles = [tokens, formControlStyles, ibanInputStyles]

  /** Field name in the form data. */
  @property({ reflect: true }) name = ''
  /** Visible label. */
  @property() label = 'IBAN'
  /** Help text below the field. */
  @property() hint = ''
  /** Whether an empty value is invalid. */
  @property({ type: Boolean, reflect: true }) required = false
  @property({ type: Boolean, reflect: true }) disabled = false
  /** An error set from outside (e.g. the server's answer); cleared as soon as the user edits. */
  @property({ attribute: false }) customError = ''

  @state() private display = ''
  @state() private showError = false
  @query('input') private input!: HTMLInputElement

  private readonly internals: ElementInternals
  private readonly localize = new LocalizeController(this)
  private readonly inputId = `vk-iban-${nextId++}`
  private defaultValue = ''

  constructor() {
    super()
    this.internals = this.attachInternals()
  }

  /** The IBAN without spaces, upper case. */
  get value(): string {
    return normalizeIban(this.display)
  }
  set value(next: string) {
    this.display = formatIban(next ?? '')
    this.customError = ''
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form
  }

  get validity(): ValidityState {
    return this.internals.validity
  }

  get validationMessage(): string {
    return this.internals.validationMessage
  }

  checkValidity(): boolean {
    return this.internals.checkValidity()
  }

  /** Shows the error (if any) and reports validity, like native inputs. */
  reportValidity(): boolean {
    this.showError = true
    return this.internals.reportValidity()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.defaultValue = this.getAttribute('value') ?? ''
    if (this.display === '' && this.defaultValue) this.display = formatIban(this.defaultValue)
  }

  formResetCallback(): void {
    this.display = formatIban(this.defaultValue)
    this.customError = ''
    this.showError = false
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.display = formatIban(state)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('display' as keyof VkIbanInput) || changed.has('required') || changed.has('customError')) {
      this.internals.setFormValue(this.value, this.display)
    }
    // An error the form sets (e.g. after submitting it empty) is shown at once, not only after typing.
    if (changed.has('customError') && this.customError) this.showError = true
  }

  protected override updated(): void {
    const problem = this.problem()
    if (problem) this.internals.setValidity({ customError: true }, problem, this.input)
    else this.internals.setValidity({})
    this.toggleState('valid', !problem && this.value !== '')
    this.toggleState('user-invalid', Boolean(problem) && this.showError)
  }

  /** The localized problem with the current value, or '' when valid. */
  private problem(): string {
    const { t } = this.localize
    if (this.customError) return this.customError
    if (this.value === '') return this.required ? t.reasons['iban-empty'] : ''
    const check = checkIban(this.value)
    return check.valid ? '' : reasonMessage(t, `iban-${check.problem}`, t.reasons['iban-wrong-format'])
  }

  private toggleState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name)
      else this.internals.states.delete(name)
    } catch {
      // Older browsers without CustomStateSet: styling by state is unavailable, behaviour is unchanged.
    }
  }

  private onInput(event: InputEvent): void {
    const target = event.target as HTMLInputElement
    const caretFromEnd = target.value.length - (target.selectionStart ?? target.value.length)
    const formatted = formatIban(target.value.replace(/[^A-Za-z0-9 ]/g, ''))
    this.display = formatted
    this.customError = ''
    target.value = formatted
    const caret = Math.max(0, formatted.length - caretFromEnd)
    target.setSelectionRange(caret, caret)
    // Validate while typing once the IBAN is as long as its country's IBANs; before that, only after leaving.
    const expected = ibanLengthFor(this.value.slice(0, 2))
    if (expected !== undefined && this.value.length >= expected) this.showError = true
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }))
  }

  private onChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }))
  }

  private onBlur(): void {
    if (this.value !== '') this.showError = true
  }

  protected override render() {
    const message = this.showError ? this.problem() : ''
    const describedBy = [this.hint ? `${this.inputId}-hint` : '', message ? `${this.inputId}-error` : ''].filter(Boolean).join(' ')
    return html`
      <label part="label" for=${this.inputId}>${this.label}${this.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      <input
        part="input"
        id=${this.inputId}
        type="text"
        inputmode="text"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        maxlength="42"
        .value=${this.display}
        ?disabled=${this.disabled}
        ?required=${this.required}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${this.onInput}
        @change=${this.onChange}
        @blur=${this.onBlur}
      />
      ${this.hint ? html`<div part="hint" class="hint" id="${this.inputId}-hint">${this.hint}</div>` : nothing}
      <div part="error" class="error" id="${this.inputId}-error" aria-live="polite">${message}</div>
    `
  }
}
