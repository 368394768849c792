import { html, nothing } from 'lit'
import { query, state } from 'lit/decorators.js'
import { VkFormControl } from '../../base/vk-form-control'
import { checkIban, formatIban, ibanLengthFor, normalizeIban } from '@vereinskit/core/sepa'
import { LocalizeController } from '../../controllers/localize-controller'
import { reasonMessage } from '../../i18n/resolve-translation'
import { formControlStyles, tokens } from '../../styles/tokens.styles'
import { ibanInputStyles } from './iban-input.styles'

/**
 * @tagname vk-iban-input
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
 * @attr name - Field name in the form data.
 * @attr label - Visible label; default "IBAN".
 * @attr hint - Help text below the field.
 * @attr required - An empty value is invalid.
 * @attr disabled - Not editable and not submitted.
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
 *
 * @cssstate user-invalid - Invalid and the user has finished typing or left the field.
 * @cssstate valid - Holds a valid IBAN.
 */
export class VkIbanInput extends VkFormControl {
  static override styles = [tokens, formControlStyles, ibanInputStyles]

  @state() private display = ''
  @query('input') private input!: HTMLInputElement

  private readonly localize = new LocalizeController(this)

  constructor() {
    super()
    this.label = 'IBAN'
  }

  /** The IBAN without spaces, upper case. */
  get value(): string {
    return normalizeIban(this.display)
  }
  set value(next: string) {
    this.display = formatIban(next ?? '')
    this.customError = ''
  }

  /** The localized problem with the current value, or '' when valid. */
  protected problem(): string {
    const { t } = this.localize
    if (this.customError) return this.customError
    if (this.value === '') return this.required ? t.reasons['iban-empty'] : ''
    const check = checkIban(this.value)
    return check.valid ? '' : reasonMessage(t, `iban-${check.problem}`, t.reasons['iban-wrong-format'])
  }

  protected validationAnchor(): HTMLElement | undefined {
    return this.input
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

  protected renderControl(describedBy: string | undefined, invalid: boolean) {
    return html`
      <input
        part="input"
        id=${this.controlId}
        type="text"
        inputmode="text"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        maxlength="42"
        .value=${this.display}
        ?disabled=${this.disabled}
        ?required=${this.required}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy ?? nothing}
        @input=${this.onInput}
        @change=${this.onChange}
        @blur=${this.onBlur}
      />
    `
  }
}
