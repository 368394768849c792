import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import '../../define/membership-application'
import type { VkMembershipApplication } from './membership-application'
import type { VkIbanInput } from '../iban-input/iban-input'
import type { VkApplicationErrorEvent } from '../../events/application-error'
import type { VkApplicationSuccessEvent } from '../../events/application-success'

interface DemoClub {
  organisationId: string
  apiKey: string
  defaultGroupId: string
}

const apiBase = new URL('/api', location.href).href

async function newClub(options: { closed?: boolean } = {}): Promise<DemoClub> {
  const response = await fetch(`/api-test/organisations${options.closed ? '?closed=1' : ''}`, { method: 'POST' })
  return (await response.json()) as DemoClub
}

async function staffApplications(club: DemoClub) {
  const response = await fetch(`${apiBase}/organisations/${club.organisationId}/applications`, {
    headers: { authorization: `Bearer ${club.apiKey}` },
  })
  return ((await response.json()) as { items: { status: string; submission: { lastName: string; mandate?: { iban: string } } }[] }).items
}

async function renderForm(club: DemoClub, lang = 'de') {
  const el = await fixture<VkMembershipApplication>(
    html`<vk-membership-application organisation-id=${club.organisationId} base-url=${apiBase} lang=${lang}></vk-membership-application>`,
  )
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form did not load', { timeout: 5000 })
  const root = el.shadowRoot!
  const field = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!
  const errorOf = (name: string) => root.querySelector(`#f-${name.replace('.', '-')}-error`)?.textContent?.trim() ?? ''
  const iban = () => root.querySelector<VkIbanInput>('vk-iban-input')!
  const ibanError = () => iban().shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()
  return { el, root, field, errorOf, iban, ibanError }
}

async function typeInto(input: HTMLElement, text: string) {
  input.focus()
  await sendKeys({ type: text })
}

async function fillValid(form: Awaited<ReturnType<typeof renderForm>>, iban = 'DE89 3704 0044 0532 0130 00') {
  const { field, el } = form
  await typeInto(field('firstName'), 'Erika')
  await typeInto(field('lastName'), 'Mustermann')
  field('dateOfBirth').value = '1984-08-12'
  await typeInto(field('address.street'), 'Heidestraße 17')
  await typeInto(field('address.postcode'), '51147')
  await typeInto(field('address.city'), 'Köln')
  await typeInto(field('email'), 'erika@example.org')
  await typeInto(field('mandate.accountHolder'), 'Erika Mustermann')
  await typeInto(form.iban().shadowRoot!.querySelector('input')!, iban)
  field('mandate.consent').click()
  field('privacyConsent').click()
  await el.updateComplete
}

function submitButton(root: ShadowRoot) {
  return root.querySelector<HTMLButtonElement>('button[type="submit"]')!
}

describe('<vk-membership-application>', () => {
  it('is accessible, with the club name, the offered groups and the mandate text naming the creditor id', async () => {
    const club = await newClub()
    const { el, root } = await renderForm(club)
    await expect(el).to.be.accessible()
    expect(root.querySelector('h2')!.textContent).to.contain('TSV Beispielstadt 1896 e.V.')
    const groups = [...root.querySelectorAll<HTMLInputElement>('input[name="feeClassGroupId"]')]
    expect(groups).to.have.length(2)
    expect(groups.find((g) => g.checked)?.value).to.equal(club.defaultGroupId)
    expect(root.querySelector('.mandate-text')!.textContent).to.contain('DE98ZZZ09999999999')
    const consentLabel = root.querySelector('[name="mandate.consent"]')!.closest('label')!
    expect(consentLabel.textContent!.trim()).to.equal('Ich erteile dieses SEPA-Lastschriftmandat.')
  })

  it('is filled in by keyboard, submitted, confirmed, and then listed for staff', async () => {
    const club = await newClub()
    const form = await renderForm(club)
    await fillValid(form)
    const success = oneEvent(form.el, 'vk-application-success') as Promise<VkApplicationSuccessEvent>
    form.field('email').focus()
    await sendKeys({ press: 'Enter' })
    const event = await success
    expect(event.detail.receipt.status).to.equal('pending')
    await form.el.updateComplete
    const confirmation = form.root.querySelector('[part="confirmation"]')!
    expect(confirmation.textContent).to.contain('Vielen Dank')
    expect(form.root.activeElement).to.equal(confirmation)

    const listed = await staffApplications(club)
    expect(listed).to.have.length(1)
    expect(listed[0]!.status).to.equal('pending')
    expect(listed[0]!.submission.lastName).to.equal('Mustermann')
    expect(listed[0]!.submission.mandate!.iban).to.equal('DE89370400440532013000')
  })

  it('shows a bad IBAN inline before submit, and blocks the submission', async () => {
    const club = await newClub()
    const form = await renderForm(club)
    await fillValid(form, 'DE88 3704 0044 0532 0130 00')
    await form.iban().updateComplete
    expect(form.ibanError()).to.contain('Prüfziffer')
    submitButton(form.root).click()
    await form.el.updateComplete
    expect(form.root.querySelector('[part="error-summary"]')!.textContent).to.contain('1 Angabe')
    expect(await staffApplications(club)).to.have.length(0)
  })

  it("shows the server's field error next to the IBAN when a bad IBAN is forced through", async () => {
    const club = await newClub()
    const form = await renderForm(club)
    form.el.novalidate = true
    await fillValid(form, 'DE88 3704 0044 0532 0130 00')
    const failure = oneEvent(form.el, 'vk-application-error') as Promise<VkApplicationErrorEvent>
    submitButton(form.root).click()
    const event = await failure
    expect(event.detail.error.code).to.equal('VALIDATION_FAILED')
    expect(event.detail.error.issues.map((i) => i.path)).to.deep.equal(['mandate.iban'])
    await form.el.updateComplete
    await form.iban().updateComplete
    expect(form.ibanError()).to.contain('Prüfziffer')
    expect(await staffApplications(club)).to.have.length(0)
  })

  it('lists every missing field by name in a summary that takes the focus, with inline errors, the IBAN too', async () => {
    const club = await newClub()
    const form = await renderForm(club, 'en')
    submitButton(form.root).click()
    await form.el.updateComplete
    const summary = form.root.querySelector<HTMLElement>('[part="error-summary"]')!
    await waitUntil(() => form.root.activeElement === summary)
    const items = [...summary.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())
    expect(items).to.include('First name: Please fill in this field.')
    expect(items.some((i) => i.startsWith('IBAN: '))).to.equal(true)
    expect(new Set(items).size).to.equal(items.length)
    await form.iban().updateComplete
    expect(form.ibanError()).to.not.equal('')
    const rect = summary.getBoundingClientRect()
    expect(rect.top).to.be.at.least(-1)
    expect(rect.top).to.be.below(window.innerHeight)
    expect(form.errorOf('firstName')).to.equal('Please fill in this field.')
    expect(form.errorOf('privacyConsent')).to.equal('Please agree to continue.')
    expect(form.field('lastName').getAttribute('aria-invalid')).to.equal('true')
    await expect(form.el).to.be.accessible()
  })

  it('lets the host page veto the submission', async () => {
    const club = await newClub()
    const form = await renderForm(club)
    await fillValid(form)
    form.el.addEventListener('vk-application-submit', (e) => e.preventDefault(), { once: true })
    submitButton(form.root).click()
    await form.el.updateComplete
    expect(form.root.querySelector('form')).to.exist
    expect(await staffApplications(club)).to.have.length(0)
  })

  it('speaks English and Swedish from lang', async () => {
    const club = await newClub()
    const en = await renderForm(club, 'en')
    expect(en.root.querySelector('label[for="f-lastName"]')!.textContent).to.contain('Last name')
    const sv = await renderForm(club, 'sv')
    expect(sv.root.querySelector('label[for="f-lastName"]')!.textContent).to.contain('Efternamn')
    expect(submitButton(sv.root).textContent!.trim()).to.equal('Skicka ansökan')
  })

  it('is themable through custom properties and parts', async () => {
    const club = await newClub()
    const style = document.createElement('style')
    style.textContent = `
      vk-membership-application.themed { --vk-theme-color-primary: rgb(10, 20, 30); }
      vk-membership-application.themed::part(heading) { color: rgb(200, 0, 0); }`
    document.head.append(style)
    const { el, root } = await renderForm(club)
    el.classList.add('themed')
    expect(getComputedStyle(submitButton(root)).backgroundColor).to.equal('rgb(10, 20, 30)')
    expect(getComputedStyle(root.querySelector('h2')!).color).to.equal('rgb(200, 0, 0)')
    style.remove()
  })

  it('says so when the form cannot be loaded', async () => {
    const el = await fixture<VkMembershipApplication>(
      html`<vk-membership-application
        organisation-id="00000000-0000-4000-8000-000000000000"
        base-url=${apiBase}
        lang="en"
      ></vk-membership-application>`,
    )
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'))
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded')
  })

  it('repeats what was sent in the confirmation: the group, the masked IBAN, when the mandate reference comes', async () => {
    const club = await newClub()
    const form = await renderForm(club, 'en')
    await fillValid(form)
    submitButton(form.root).click()
    await waitUntil(() => form.root.querySelector('[part="confirmation"]'))
    const text = form.root.querySelector('[part="confirmation"]')!.textContent!.replace(/\s+/g, ' ')
    expect(text).to.contain('Erwachsene – 96 € im Jahr')
    expect(text).to.contain('DE89 •••• •••• 3000')
    expect(text).to.not.contain('0532013000')
    expect(text).to.contain('mandate reference')
  })

  it('follows a lang change on the element or an ancestor after loading, and ends a sentence after "e.V." once', async () => {
    const club = await newClub()
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <vk-membership-application organisation-id=${club.organisationId} base-url=${apiBase}></vk-membership-application>
      </div>`,
    )
    const el = wrapper.querySelector<VkMembershipApplication>('vk-membership-application')!
    await waitUntil(() => el.shadowRoot!.querySelector('form'))
    const label = () => el.shadowRoot!.querySelector('label[for="f-lastName"]')!.textContent!
    expect(label()).to.contain('Nachname')
    wrapper.lang = 'en'
    await waitUntil(() => label().includes('Last name'), 'ancestor lang change ignored')
    expect(el.shadowRoot!.querySelector('.mandate-text')!.textContent).to.contain('TSV Beispielstadt 1896 e.V. A').and.not.contain('e.V..')
    el.setAttribute('lang', 'sv')
    await waitUntil(() => label().includes('Efternamn'), 'own lang change ignored')
  })

  it('fetches the form once', async () => {
    const club = await newClub()
    const calls: string[] = []
    const original = window.fetch
    window.fetch = (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input))
      return original(input, init)
    }
    try {
      await renderForm(club)
      await new Promise((resolve) => setTimeout(resolve, 200))
    } finally {
      window.fetch = original
    }
    expect(calls.filter((c) => c.includes('application-form'))).to.have.length(1)
  })

  it('says that online applications are closed when the club offers no group online', async () => {
    const club = await newClub({ closed: true })
    const el = await fixture<VkMembershipApplication>(
      html`<vk-membership-application organisation-id=${club.organisationId} base-url=${apiBase} lang="en"></vk-membership-application>`,
    )
    await waitUntil(() => el.shadowRoot!.querySelector('[part="unavailable"]'))
    expect(el.shadowRoot!.querySelector('[part="unavailable"]')!.textContent).to.contain('not taking membership applications online')
    expect(el.shadowRoot!.querySelector('form')).to.equal(null)
  })

  it('tells an origin that is not allowed apart from a server that is down, and logs the fix for the developer', async () => {
    const club = await newClub()
    // Same server, other origin: 127.0.0.1 instead of localhost is not among the club's website origins.
    const foreignBase = apiBase.replace('localhost', '127.0.0.1')
    const logged: string[] = []
    const original = console.error
    console.error = (...args: unknown[]) => logged.push(args.join(' '))
    try {
      const el = await fixture<VkMembershipApplication>(
        html`<vk-membership-application
          organisation-id=${club.organisationId}
          base-url=${foreignBase}
          lang="en"
        ></vk-membership-application>`,
      )
      await waitUntil(() => el.shadowRoot!.querySelector('[part="unavailable"]'), 'no origin message', { timeout: 5000 })
      expect(el.shadowRoot!.querySelector('[part="unavailable"]')!.textContent).to.contain('not enabled on this website')
    } finally {
      console.error = original
    }
    expect(logged.join('\n')).to.contain('websiteOrigins')
  })
})
