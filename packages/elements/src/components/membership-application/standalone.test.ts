import { expect, waitUntil } from '@open-wc/testing'

/** A plain HTML page, as a CMS would have it: one script tag, one element, no bundler. */
describe('the standalone module on a plain HTML page', () => {
  it('defines <vk-membership-application> from one <script type="module" src>, and the form loads', async () => {
    const club = (await (await fetch('/api-test/organisations', { method: 'POST' })).json()) as { organisationId: string }
    const frame = document.createElement('iframe')
    frame.srcdoc = `<!doctype html><html lang="en"><body>
      <script type="module" src="${location.origin}/standalone/membership-application.js"></script>
      <vk-membership-application organisation-id="${club.organisationId}" base-url="${location.origin}/api"></vk-membership-application>
    </body></html>`
    document.body.append(frame)
    try {
      await waitUntil(
        () => frame.contentDocument?.querySelector('vk-membership-application')?.shadowRoot?.querySelector('form'),
        'form did not load',
        {
          timeout: 8000,
        },
      )
      const root = frame.contentDocument!.querySelector('vk-membership-application')!.shadowRoot!
      expect(root.querySelector('h2')!.textContent).to.contain('TSV Beispielstadt 1896 e.V.')
      expect(frame.contentWindow!.customElements.get('vk-iban-input')).to.exist
    } finally {
      frame.remove()
    }
  })
})
