import { html, nothing, type TemplateResult } from 'lit'

/** What a field shows around its control. */
export interface FieldParts {
  /** The id of the control the label names. */
  readonly id: string
  readonly label: string
  readonly hint?: string
  /** The error to show now ('' for none); announced politely. */
  readonly error?: string
  readonly required?: boolean
  /** Shown after the label of a field that is not required, e.g. "optional". */
  readonly optionalText?: string
  /** Announce the error as it changes (controls); a form with an error summary announces there instead. */
  readonly live?: boolean
}

/**
 * The one field layout every control and form uses: label (with the required marker), the control, hint and
 * error, wired for assistive technology — the label names the control, hint and error describe it, the error
 * region is live. Rendered in the control's own tree, so `for` and `aria-describedby` reach the input.
 *
 * @csspart label - The label.
 * @csspart hint - The hint below the control.
 * @csspart error - The error message.
 */
export function renderField(parts: FieldParts, control: (describedBy: string | undefined) => TemplateResult): TemplateResult {
  const hintId = `${parts.id}-hint`
  const errorId = `${parts.id}-error`
  const describedBy = [parts.hint ? hintId : '', parts.error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return html`
    <label part="label" for=${parts.id}
      >${parts.label}${
        parts.required
          ? html`<span class="required" aria-hidden="true"> *</span>`
          : parts.optionalText
            ? ` (${parts.optionalText})`
            : nothing
      }</label
    >
    ${control(describedBy)} ${parts.hint ? html`<div part="hint" class="hint" id=${hintId}>${parts.hint}</div>` : nothing}
    <div part="error" class="error" id=${errorId} aria-live=${parts.live === false ? nothing : 'polite'}>${parts.error ?? ''}</div>
  `
}
