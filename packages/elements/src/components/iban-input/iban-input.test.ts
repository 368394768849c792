import { expect, fixture, html } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import '../../define/iban-input'
import type { VkIbanInput } from './iban-input'

async function inForm(markup = html`<form><vk-iban-input name="iban" required lang="en"></vk-iban-input><button>ok</button></form>`) {
  const form = await fixture<HTMLFormElement>(markup)
  const control = form.querySelector('vk-iban-input') as VkIbanInput
  const input = control.shadowRoot!.querySelector('input')!
  const error = () => control.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()
  return { form, control, input, error }
}

describe('<vk-iban-input>', () => {
  it('is accessible', async () => {
    const { control } = await inForm()
    await expect(control).to.be.accessible()
  })

  it('groups the IBAN in fours while typing and submits it without spaces', async () => {
    const { form, control, input } = await inForm()
    input.focus()
    await sendKeys({ type: 'de89370400440532013000' })
    await control.updateComplete
    expect(input.value).to.equal('DE89 3704 0044 0532 0130 00')
    expect(new FormData(form).get('iban')).to.equal('DE89370400440532013000')
    expect(form.checkValidity()).to.equal(true)
    expect(control.matches(':state(valid)')).to.equal(true)
  })

  it('shows a wrong check digit as soon as the IBAN is complete, before any submit', async () => {
    const { form, control, input, error } = await inForm()
    input.focus()
    await sendKeys({ type: 'DE8837040044053201300' })
    await control.updateComplete
    expect(error()).to.equal('')
    await sendKeys({ type: '0' })
    await control.updateComplete
    expect(error()).to.contain('check digits')
    expect(input.getAttribute('aria-invalid')).to.equal('true')
    expect(control.matches(':state(user-invalid)')).to.equal(true)
    expect(form.checkValidity()).to.equal(false)
  })

  it('shows a too-short IBAN when the user leaves the field', async () => {
    const { control, input, error } = await inForm()
    input.focus()
    await sendKeys({ type: 'DE8937' })
    await sendKeys({ press: 'Tab' })
    await control.updateComplete
    expect(error()).to.contain('wrong length')
  })

  it('is required, resettable and disabled with its fieldset', async () => {
    const { form, control, input } = await inForm(
      html`<form>
        <fieldset><vk-iban-input name="iban" required value="AT611904300234573201"></vk-iban-input></fieldset>
      </form>`,
    )
    expect(new FormData(form).get('iban')).to.equal('AT611904300234573201')
    input.focus()
    await sendKeys({ press: 'Backspace' })
    await control.updateComplete
    expect(control.checkValidity()).to.equal(false)
    form.reset()
    await control.updateComplete
    expect(input.value).to.equal('AT61 1904 3002 3457 3201')
    expect(control.checkValidity()).to.equal(true)
    control.value = ''
    await control.updateComplete
    expect(control.checkValidity()).to.equal(false)
    expect(control.reportValidity()).to.equal(false)
    form.querySelector('fieldset')!.disabled = true
    await control.updateComplete
    expect(input.disabled).to.equal(true)
  })

  it('joins a form elsewhere in the document through the form attribute', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <form id="outside-form"></form>
        <vk-iban-input form="outside-form" name="iban" value="SE4550000000058398257466"></vk-iban-input>
      </div>`,
    )
    const form = wrapper.querySelector('form')!
    const control = wrapper.querySelector('vk-iban-input') as VkIbanInput
    await control.updateComplete
    expect(control.form).to.equal(form)
    expect(new FormData(form).get('iban')).to.equal('SE4550000000058398257466')
  })

  it('speaks German when the page does', async () => {
    const { control, input, error } = await inForm(html`<form lang="de"><vk-iban-input name="iban"></vk-iban-input></form>`)
    input.focus()
    await sendKeys({ type: 'DE88370400440532013000' })
    await control.updateComplete
    expect(error()).to.contain('Prüfziffer')
  })

  it('shows an error set from outside until the user edits', async () => {
    const { control, input, error } = await inForm()
    control.value = 'DE89370400440532013000'
    control.customError = 'Server says no'
    control.reportValidity()
    await control.updateComplete
    expect(error()).to.equal('Server says no')
    input.focus()
    await sendKeys({ press: 'End' })
    await sendKeys({ type: '1' })
    await control.updateComplete
    expect(error()).to.not.equal('Server says no')
  })
})
