import type { PropertyValues, TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { VkElement } from './vk-element'
import { renderField } from './render-field'

let nextId = 0

/**
 * The base of every form-associated control: it takes part in its `<form>` like a native input (value in the form
 * data, validity, reset, disabled fieldsets, restore), shows its error only once the user is done or the form
 * asks, and renders label, hint, error and required marker through one field layout. A control supplies its value
 * (`value`, `displayValue`), what is wrong with it (`problem`) and its native input (`renderControl`).
 *
 * @cssstate user-invalid - Invalid and the user has finished typing or left the field.
 * @cssstate valid - Holds a valid, non-empty value.
 */
export abstract class VkFormControl extends VkElement {
  static formAssociated = true
  static override shadowRootOptions: ShadowRootInit = { ...VkElement.shadowRootOptions, delegatesFocus: true }

  /** Field name in the form data. */
  @property({ reflect: true }) name = ''
  /** Visible label. */
  @property() label = ''
  /** Help text below the field. */
  @property() hint = ''
  /** Whether an empty value is invalid. */
  @property({ type: Boolean, reflect: true }) required = false
  @property({ type: Boolean, reflect: true }) disabled = false
  /** An error set from outside (e.g. the server's answer); cleared as soon as the user edits. */
  @property({ attribute: false }) customError = ''

  /** Whether the current problem is shown (after leaving the field, a complete value, or `reportValidity`). */
  @state() protected showError = false

  protected readonly internals: ElementInternals = this.attachInternals()
  /** The id of the native input, for the label and descriptions. */
  protected readonly controlId = `vk-control-${nextId++}`
  /** The value the control had in its markup; a form reset returns to it. */
  protected defaultValue = ''

  /** The value the form submits. */
  abstract get value(): string
  abstract set value(next: string)
  /** What is wrong with the value, localized, or '' when it is valid. */
  protected abstract problem(): string
  /** The native input, wired to `describedBy` and `invalid`. */
  protected abstract renderControl(describedBy: string | undefined, invalid: boolean): TemplateResult
  /** The element `setValidity` anchors the browser's bubble to. */
  protected abstract validationAnchor(): HTMLElement | undefined

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
    if (this.value === '' && this.defaultValue) this.value = this.defaultValue
  }

  formResetCallback(): void {
    this.value = this.defaultValue
    this.customError = ''
    this.showError = false
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.internals.setFormValue(this.value)
    // An error the form sets (e.g. after submitting it empty) is shown at once, not only after typing.
    if (changed.has('customError') && this.customError) this.showError = true
  }

  protected override updated(): void {
    const problem = this.problem()
    if (problem) this.internals.setValidity({ customError: true }, problem, this.validationAnchor())
    else this.internals.setValidity({})
    this.toggleState('valid', !problem && this.value !== '')
    this.toggleState('user-invalid', Boolean(problem) && this.showError)
  }

  protected override render() {
    const message = this.showError ? this.problem() : ''
    return renderField({ id: this.controlId, label: this.label, hint: this.hint, error: message, required: this.required }, (describedBy) =>
      this.renderControl(describedBy, message !== ''),
    )
  }

  private toggleState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name)
      else this.internals.states.delete(name)
    } catch {
      // Older browsers without CustomStateSet: styling by state is unavailable, behaviour is unchanged.
    }
  }
}
