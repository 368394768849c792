import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing'
import { sendKeys } from '@web/test-runner-commands'
import '../../define/appointment-booking'
import type { VkAppointmentBooking } from './appointment-booking'
import type { VkBookingErrorEvent } from '../../events/booking-error'
import type { VkBookingSuccessEvent } from '../../events/booking-success'
import type { BookingOffice } from '../../../test/booking-office'

type Office = BookingOffice

interface Slot {
  blockId: string
  startsAt: string
  date: string
  time: string
}

const apiBase = new URL('/api', location.href).href

async function newOffice(): Promise<Office> {
  return (await (await fetch('/api-test/booking-offices', { method: 'POST' })).json()) as Office
}

/** The free online slots as the public API lists them now. */
async function freeSlots(office: Office): Promise<Slot[]> {
  const response = await fetch(`${apiBase}/public/organisations/${office.organisationId}/appointment-slots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ typeId: office.typeId }),
  })
  return ((await response.json()) as { items: Slot[] }).items
}

async function mailTo(office: Office) {
  const response = await fetch(`/api-test/mail?to=${encodeURIComponent(office.email)}`, { method: 'POST' })
  return (await response.json()) as {
    subject: string
    text: string
    attachments: { filename: string; contentType: string; text: string }[]
  }[]
}

async function render(office: Office) {
  const el = await fixture<VkAppointmentBooking>(
    html`<vk-appointment-booking organisation-id=${office.organisationId} base-url=${apiBase} lang="de"></vk-appointment-booking>`,
  )
  const root = el.shadowRoot!
  const slotButtons = () => [...root.querySelectorAll<HTMLButtonElement>('button.slot')]
  await waitUntil(() => slotButtons().length > 0 || root.querySelector('[part="next-free"]'), 'no slots shown', { timeout: 5000 })
  // Late on a Sunday this week has no slot left: go to the next free one.
  if (slotButtons().length === 0) {
    root.querySelector<HTMLButtonElement>('[part="next-free"]')!.click()
    await waitUntil(() => slotButtons().length > 0, 'no slots after the jump', { timeout: 5000 })
  }
  const field = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!
  return { el, root, slotButtons, field }
}

/** Types a date into a native date input by keyboard, in the field order of the browser's locale. */
async function typeDate(iso: string) {
  const [year, month, day] = iso.split('-') as [string, string, string]
  const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 10, 22)).filter((p) => p.type !== 'literal')
  for (const part of order) await sendKeys({ type: part.type === 'year' ? year : part.type === 'month' ? month : day })
}

describe('<vk-appointment-booking> against the real API', () => {
  it('a member books a slot: the slot leaves the free list and the confirmation with its .ics arrives by e-mail', async () => {
    const office = await newOffice()
    const { el, root, slotButtons, field } = await render(office)
    await expect(el).to.be.accessible()
    const before = await freeSlots(office)
    const label = slotButtons()[0]!.getAttribute('aria-label')!
    expect(label).to.contain('bei Berger, Anna')
    slotButtons()[0]!.click()
    await waitUntil(() => field('member.membershipNumber'), 'details did not open')
    expect(root.querySelector('[part="chosen"]')!.textContent).to.contain('Geschäftsstelle, Hauptstraße 1, 10115 Berlin')
    field('member.membershipNumber').value = String(office.membershipNumber)
    field('member.dateOfBirth').value = office.dateOfBirth
    root.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Nebenkostenabrechnung 2026'
    await expect(el).to.be.accessible()
    const success = oneEvent(el, 'vk-booking-success') as Promise<VkBookingSuccessEvent>
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click()
    const { detail } = await success
    expect(detail.action).to.equal('booked')
    expect(detail.receipt.startsAt).to.equal(before[0]!.startsAt)
    await waitUntil(() => root.querySelector('[part="confirmation"]'))
    expect(root.querySelector('[part="confirmation"]')!.textContent).to.contain('Ihr Termin ist gebucht')
    const calendarLink = root.querySelector<HTMLAnchorElement>('[part="add-to-calendar"]')!
    expect(calendarLink.download).to.equal('termin.ics')
    expect(decodeURIComponent(calendarLink.href)).to.contain('BEGIN:VEVENT')
    await expect(el).to.be.accessible()

    const after = await freeSlots(office)
    expect(after.map((s) => s.startsAt)).not.to.include(before[0]!.startsAt)
    expect(after[0]!.startsAt).to.equal(before[1]!.startsAt)
    const [mail] = await mailTo(office)
    expect(mail!.subject).to.match(/^Ihr Termin am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr$/)
    expect(mail!.text).to.contain('wir erwarten Sie bei Berger, Anna')
    const ics = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'))!
    expect(ics.text).to.contain('METHOD:PUBLISH')
    expect(ics.text).to.contain(`DTSTART:${before[0]!.startsAt.replace(/[-:]/g, '').replace('.000', '')}`)
  })

  it('books by keyboard alone: one tab stop in the week, arrows between slots, Enter to choose, the form by keys', async () => {
    const office = await newOffice()
    const { el, root, slotButtons } = await render(office)
    const active = () => root.activeElement as HTMLElement | null
    // On a Saturday this week has one day of slots left: the arrows need two, so take next week.
    const days = () => new Set(slotButtons().map((b) => b.dataset.day)).size
    if (days() < 2) {
      root.querySelector<HTMLButtonElement>('button[aria-label="Nächste Woche"]')!.click()
      await waitUntil(() => days() >= 2, 'next week has no slots')
    }
    root.querySelector<HTMLSelectElement>('select')!.focus()
    for (let i = 0; i < 6 && !active()?.classList.contains('slot'); i++) await sendKeys({ press: 'Tab' })
    expect(active()?.classList.contains('slot'), 'Tab reaches the week').to.equal(true)
    expect(slotButtons().filter((b) => b.tabIndex === 0)).to.have.length(1)
    const first = active()!
    await sendKeys({ press: 'ArrowDown' })
    expect(active()).to.equal(slotButtons()[1])
    await sendKeys({ press: 'ArrowUp' })
    expect(active()).to.equal(first)
    await sendKeys({ press: 'ArrowRight' })
    const chosen = active()!
    expect(chosen.dataset.day).not.to.equal(first.dataset.day)
    const chosenLabel = chosen.getAttribute('aria-label')!
    await sendKeys({ press: 'Enter' })
    await waitUntil(() => root.querySelector('[name="member.membershipNumber"]'))
    await el.updateComplete
    expect(active()?.getAttribute('name'), 'focus goes to the first field').to.equal('member.membershipNumber')
    await sendKeys({ type: String(office.membershipNumber) })
    await sendKeys({ press: 'Tab' })
    await typeDate(office.dateOfBirth)
    expect(root.querySelector<HTMLInputElement>('[name="member.dateOfBirth"]')!.value).to.equal(office.dateOfBirth)
    // The date input may hold the focus for one more Tab (its own segments); then the note comes.
    for (let i = 0; i < 3 && active()?.getAttribute('name') !== 'note'; i++) await sendKeys({ press: 'Tab' })
    await sendKeys({ type: 'Mieterhöhung' })
    await sendKeys({ press: 'Tab' })
    expect(root.querySelector('textarea')!.value).to.equal('Mieterhöhung')
    expect(active()?.getAttribute('part')).to.equal('submit')
    const success = oneEvent(el, 'vk-booking-success') as Promise<VkBookingSuccessEvent>
    await sendKeys({ press: 'Enter' })
    const { detail } = await success
    expect(chosenLabel).to.contain(detail.receipt.time.replace(/^0/, ''))
    await waitUntil(() => active()?.getAttribute('part') === 'confirmation', 'the confirmation takes the focus')
  })

  it('a slot taken meanwhile sends the member back to the slots with a message and fires vk-booking-error', async () => {
    const office = await newOffice()
    const { el, root, slotButtons, field } = await render(office)
    const [slot] = await freeSlots(office)
    const takenLabel = slotButtons()[0]!.getAttribute('aria-label')
    slotButtons()[0]!.click()
    await waitUntil(() => field('member.membershipNumber'))
    // Someone else takes it through the staff API.
    const person = await fetch(`${apiBase}/organisations/${office.organisationId}/persons`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        person: { firstName: 'Nils', lastName: 'Gast', postalAddress: { street: 'A 1', postcode: '10115', city: 'Berlin' } },
      }),
    }).then((r) => r.json() as Promise<{ id: string }>)
    await fetch(`${apiBase}/organisations/${office.organisationId}/appointments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slot: { blockId: slot!.blockId, startsAt: slot!.startsAt }, personId: person.id }),
    })
    field('member.membershipNumber').value = String(office.membershipNumber)
    field('member.dateOfBirth').value = office.dateOfBirth
    const failed = oneEvent(el, 'vk-booking-error') as Promise<VkBookingErrorEvent>
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click()
    expect((await failed).detail.error.code).to.equal('SLOT_NOT_AVAILABLE')
    await waitUntil(() => slotButtons().length > 0 && root.querySelector('[part="error-summary"]'))
    expect(root.querySelector('[part="error-summary"]')!.textContent).to.contain('gerade vergeben')
    expect(slotButtons().map((b) => b.getAttribute('aria-label'))).not.to.include(takenLabel)
  })

  it('refuses a wrong date of birth in words, and lets the host page veto the slot choice and the booking', async () => {
    const office = await newOffice()
    const { el, root, slotButtons, field } = await render(office)
    const offered = (await freeSlots(office)).length
    el.addEventListener('vk-booking-slot-select', (e) => e.preventDefault(), { once: true })
    slotButtons()[0]!.click()
    await el.updateComplete
    expect(field('member.membershipNumber')).to.equal(null)
    slotButtons()[0]!.click()
    await waitUntil(() => field('member.membershipNumber'))
    field('member.membershipNumber').value = String(office.membershipNumber)
    field('member.dateOfBirth').value = '1980-05-18'
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click()
    await waitUntil(() => root.querySelector('[part="error-summary"]'))
    expect(root.querySelector('[part="error-summary"]')!.textContent).to.contain('kein Mitglied')
    field('member.dateOfBirth').value = office.dateOfBirth
    let vetoed = false
    el.addEventListener('vk-booking-confirm', (e) => ((vetoed = true), e.preventDefault()), { once: true })
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click()
    await el.updateComplete
    expect(vetoed).to.equal(true)
    expect(await freeSlots(office)).to.have.length(offered)
    expect(root.querySelector('[part="confirmation"]')).to.equal(null)
  })

  it('cancels through the link of the confirmation: the booking shows, is cancelled, and the slot is free again', async () => {
    const office = await newOffice()
    // Far enough ahead to be cancelled online (OnlineTerminAbsVorlauf: 24 hours).
    const slot = (await freeSlots(office)).find((s) => Date.parse(s.startsAt) > Date.now() + 48 * 3_600_000)
    const receipt = await fetch(`${apiBase}/public/organisations/${office.organisationId}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        slot: { blockId: slot!.blockId, startsAt: slot!.startsAt },
        typeId: office.typeId,
        member: { membershipNumber: office.membershipNumber, dateOfBirth: office.dateOfBirth },
      }),
    }).then((r) => r.json() as Promise<{ appointmentId: string; cancellationToken: string }>)
    const el = await fixture<VkAppointmentBooking>(
      html`<vk-appointment-booking
        organisation-id=${office.organisationId}
        base-url=${apiBase}
        lang="en"
        appointment-id=${receipt.appointmentId}
        token=${receipt.cancellationToken}
      ></vk-appointment-booking>`,
    )
    const root = el.shadowRoot!
    await waitUntil(() => root.querySelector('[part="cancel"]'), 'the booking did not show')
    expect(root.querySelector('[part="confirmation"]')!.textContent).to.contain('with Berger, Anna')
    await expect(el).to.be.accessible()
    const done = oneEvent(el, 'vk-booking-success') as Promise<VkBookingSuccessEvent>
    root.querySelector<HTMLButtonElement>('[part="cancel"]')!.click()
    expect((await done).detail.action).to.equal('cancelled')
    await waitUntil(
      () => root.textContent?.includes('Your appointment is cancelled') || root.querySelector('h2')?.textContent?.includes('cancelled'),
    )
    expect((await freeSlots(office)).map((s) => s.startsAt)).to.include(slot!.startsAt)
  })

  it('says so for a wrong link; speaks Swedish; switches to the list view; prefills the membership number', async () => {
    const office = await newOffice()
    const wrong = await fixture<VkAppointmentBooking>(
      html`<vk-appointment-booking
        organisation-id=${office.organisationId}
        base-url=${apiBase}
        lang="sv"
        appointment-id="00000000-0000-4000-8000-000000000000"
        token="nope"
      ></vk-appointment-booking>`,
    )
    await waitUntil(() => wrong.shadowRoot!.querySelector('[role="alert"]'))
    expect(wrong.shadowRoot!.textContent).to.contain('Länken är ogiltig')

    const el = await fixture<VkAppointmentBooking>(
      html`<vk-appointment-booking
        organisation-id=${office.organisationId}
        base-url=${apiBase}
        lang="sv"
        type-id=${office.typeId}
        consultant-id=${office.consultantId}
        member-number=${String(office.membershipNumber)}
        view="list"
      ></vk-appointment-booking>`,
    )
    const root = el.shadowRoot!
    await waitUntil(() => root.querySelector('button.slot') || root.querySelector('[part="next-free"]'))
    root.querySelector<HTMLButtonElement>('[part="next-free"]')?.click()
    await waitUntil(() => root.querySelector('.list button.slot'), 'the list view shows')
    expect(root.querySelector('h3')!.textContent).to.equal('Lediga tider')
    expect(root.querySelector('.list button.slot')!.getAttribute('aria-label')).to.match(/kl\. \d{1,2}\.\d\d, hos Berger, Anna$/)
    await expect(el).to.be.accessible()
    root.querySelector<HTMLButtonElement>('[part="view-toggle"][aria-pressed="false"]')!.click()
    await el.updateComplete
    expect(root.querySelector('.week')).not.to.equal(null)
    root.querySelector<HTMLButtonElement>('button.slot')!.click()
    await waitUntil(() => root.querySelector('[name="member.membershipNumber"]'))
    expect(root.querySelector<HTMLInputElement>('[name="member.membershipNumber"]')!.value).to.equal(String(office.membershipNumber))
    expect(root.activeElement?.getAttribute('name')).to.equal('member.dateOfBirth')
  })
})
