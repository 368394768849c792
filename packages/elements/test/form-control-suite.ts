import { expect, fixture } from '@open-wc/testing'
import type { VkFormControl } from '../src/base/vk-form-control'

/** How to exercise one control: its tag, a value it accepts and one it refuses. */
export interface FormControlCase {
  readonly tag: string
  readonly valid: string
  readonly invalid: string
}

/**
 * The behaviour every form-associated control owes a form, run against each control (as Shoelace's
 * `runFormControlBaseTests`): form data, required, validity and its states, reset, disabled fieldsets, the label
 * naming the input, an outside error, accessibility.
 */
export function runFormControlTests({ tag, valid, invalid }: FormControlCase): void {
  async function inForm(attributes = '') {
    const form = await fixture<HTMLFormElement>(
      `<form><fieldset><${tag} name="field" label="Feld" lang="en" ${attributes}></${tag}></fieldset></form>`,
    )
    const control = form.querySelector(tag) as VkFormControl
    await control.updateComplete
    return { form, control, input: control.shadowRoot!.querySelector('input')! }
  }

  describe(`<${tag}> as a form control`, () => {
    it('submits its value under its name, and is valid with a valid value', async () => {
      const { form, control } = await inForm()
      control.value = valid
      await control.updateComplete
      expect(new FormData(form).get('field')).to.equal(control.value)
      expect(form.checkValidity()).to.equal(true)
      expect(control.matches(':state(valid)')).to.equal(true)
    })

    it('is invalid when required and empty, and shows why only when asked', async () => {
      const { form, control } = await inForm('required')
      expect(form.checkValidity()).to.equal(false)
      expect(control.validity.valid).to.equal(false)
      expect(control.matches(':state(user-invalid)')).to.equal(false)
      expect(control.reportValidity()).to.equal(false)
      await control.updateComplete
      expect(control.matches(':state(user-invalid)')).to.equal(true)
      expect(control.validationMessage).to.not.equal('')
    })

    it('refuses an invalid value', async () => {
      const { control } = await inForm()
      control.value = invalid
      await control.updateComplete
      expect(control.checkValidity()).to.equal(false)
      expect(control.matches(':state(valid)')).to.equal(false)
    })

    it('returns to the value in its markup when the form is reset', async () => {
      const { form, control } = await inForm(`value="${valid}"`)
      control.value = invalid
      await control.updateComplete
      form.reset()
      await control.updateComplete
      expect(control.checkValidity()).to.equal(true)
      expect(new FormData(form).get('field')).to.equal(control.value)
    })

    it('is disabled, and not submitted, inside a disabled fieldset', async () => {
      const { form, control, input } = await inForm()
      control.value = valid
      form.querySelector('fieldset')!.disabled = true
      await control.updateComplete
      expect(control.disabled).to.equal(true)
      expect(input.disabled).to.equal(true)
      expect(new FormData(form).has('field')).to.equal(false)
    })

    it('has its label name the input and marks required fields', async () => {
      const { control, input } = await inForm('required')
      expect(input.labels?.[0]?.textContent).to.contain('Feld')
      expect(control.shadowRoot!.querySelector('[part="label"] .required')).to.not.equal(null)
    })

    it('shows an error set from outside at once and forgets it when the value changes', async () => {
      const { control } = await inForm()
      control.customError = 'Vom Server abgelehnt.'
      await control.updateComplete
      expect(control.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Vom Server abgelehnt.')
      expect(control.checkValidity()).to.equal(false)
      control.value = valid
      await control.updateComplete
      expect(control.checkValidity()).to.equal(true)
    })

    it('is accessible', async () => {
      const { control } = await inForm('required')
      await expect(control).to.be.accessible()
    })
  })
}
