import { describe, expect, it } from 'vitest'
import { validIbans } from '@vereinskit/core/testing'
import { engines } from '../engines'
import { aClub, submissionFor } from '../fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`online applications over HTTP (${engine.name})`, () => {
    const fixedNow = new Date('2026-11-23T10:00:00Z')
    const server = useServer(engine, { clock: { now: () => fixedNow } })
    const submitPath = (orgId: string) => `/public/organisations/${orgId}/applications`
    const staffPath = (orgId: string, rest = '') => `/organisations/${orgId}/applications${rest}`

    it('serves the form with only the groups offered online', async () => {
      const club = await aClub(server.storage)
      const response = await server.call('GET', `/public/organisations/${club.organisation.id}/application-form`)
      expect(response.status).toBe(200)
      expect(response.json).toMatchObject({
        organisationName: club.organisation.name,
        creditorId: 'DE98ZZZ09999999999',
        defaultFeeClassGroupId: club.groups.adults.id,
      })
      expect(response.json.feeClassGroups.map((g: { name: string }) => g.name).sort()).toEqual(['Erwachsene', 'Jugend'])
    })

    it('takes an application, lists it for staff, and accepts it into a membership with a mandate', async () => {
      const club = await aClub(server.storage)
      const submitted = await server.call('POST', submitPath(club.organisation.id), {
        body: submissionFor(club, { mandate: { accountHolder: 'Erika Mustermann', iban: 'de89 3704 0044 0532 0130 00', consent: true } }),
      })
      expect(submitted.status).toBe(201)
      expect(submitted.json).toMatchObject({ status: 'pending' })

      const listed = await server.call('GET', staffPath(club.organisation.id, '?status=pending'), { apiKey: club.apiKey })
      expect(listed.status).toBe(200)
      expect(listed.json.items).toHaveLength(1)
      expect(listed.json.items[0]).toMatchObject({ id: submitted.json.id, status: 'pending', feeClassGroupName: 'Erwachsene' })
      expect(listed.json.items[0].submission.mandate.iban).toBe(validIbans.DE)

      const accepted = await server.call('POST', staffPath(club.organisation.id, `/${submitted.json.id}/accept`), {
        apiKey: club.apiKey,
        body: {},
      })
      expect(accepted.status).toBe(200)
      expect(accepted.json.membership).toMatchObject({ number: 1000, joinedOn: '2026-11-23' })
      expect(accepted.json.mandate).toMatchObject({ reference: 'TSV-1000-1' })
      expect(accepted.json.application).toMatchObject({ status: 'accepted', membershipNumber: 1000 })

      const membership = await server.call('GET', `/organisations/${club.organisation.id}/memberships/${accepted.json.membership.id}`, {
        apiKey: club.apiKey,
      })
      expect(membership.json.person).toMatchObject({ firstName: 'Erika', lastName: 'Mustermann', dateOfBirth: '1984-08-12' })
      expect(membership.json.mandates).toEqual([
        expect.objectContaining({ reference: 'TSV-1000-1', iban: validIbans.DE, creditorId: 'DE98ZZZ09999999999', signedOn: '2026-11-23' }),
      ])
    })

    it('numbers memberships consecutively from the range start and honours a chosen joining date', async () => {
      const club = await aClub(server.storage, { membershipNumberRange: { from: 7, to: 8 } })
      const numbers: number[] = []
      for (let i = 0; i < 3; i += 1) {
        const submitted = await server.call('POST', submitPath(club.organisation.id), { body: submissionFor(club, { mandate: undefined }) })
        const accepted = await server.call('POST', staffPath(club.organisation.id, `/${submitted.json.id}/accept`), {
          apiKey: club.apiKey,
          body: { joinedOn: '2027-01-01', ignoreDuplicates: true },
        })
        numbers.push(accepted.json.membership?.number ?? accepted.json.code)
        if (i < 2) expect(accepted.json.mandate).toBeNull()
      }
      expect(numbers).toEqual([7, 8, 'MEMBERSHIP_NUMBER_RANGE_EXHAUSTED'])
    })

    it('refuses to accept twice, or to accept a rejected application, with clear codes', async () => {
      const club = await aClub(server.storage)
      const first = await server.call('POST', submitPath(club.organisation.id), { body: submissionFor(club) })
      const second = await server.call('POST', submitPath(club.organisation.id), { body: submissionFor(club) })
      const accept = (id: string) =>
        server.call('POST', staffPath(club.organisation.id, `/${id}/accept`), { apiKey: club.apiKey, body: { ignoreDuplicates: true } })

      expect((await accept(first.json.id)).status).toBe(200)
      const again = await accept(first.json.id)
      expect(again.status).toBe(409)
      expect(again.json).toMatchObject({ code: 'APPLICATION_ALREADY_ACCEPTED', status: 409 })

      const rejected = await server.call('POST', staffPath(club.organisation.id, `/${second.json.id}/reject`), {
        apiKey: club.apiKey,
        body: { reason: 'Kein Wohnsitz im Vereinsgebiet' },
      })
      expect(rejected.json).toMatchObject({ status: 'rejected', rejectionReason: 'Kein Wohnsitz im Vereinsgebiet' })
      const late = await accept(second.json.id)
      expect(late.status).toBe(409)
      expect(late.json.code).toBe('APPLICATION_ALREADY_REJECTED')

      const memberships = await server.call('GET', staffPath(club.organisation.id, '?status=accepted'), { apiKey: club.apiKey })
      expect(memberships.json.items).toHaveLength(1)
    })

    it('accepting the same application concurrently creates exactly one membership', async () => {
      const club = await aClub(server.storage)
      const submitted = await server.call('POST', submitPath(club.organisation.id), { body: submissionFor(club) })
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          server.call('POST', staffPath(club.organisation.id, `/${submitted.json.id}/accept`), { apiKey: club.apiKey, body: {} }),
        ),
      )
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409])
    })

    it.each([
      [
        'a bad IBAN',
        { mandate: { accountHolder: 'E M', iban: 'DE88370400440532013000', consent: true } },
        'mandate.iban',
        'iban-wrong-checksum',
      ],
      ['a missing last name', { lastName: '' }, 'lastName', 'required'],
      ['a future date of birth', { dateOfBirth: '2026-11-24' }, 'dateOfBirth', 'in-future'],
      ['a group not offered online', 'honorary', 'feeClassGroupId', 'not-offered'],
      ['an unknown group', { feeClassGroupId: 'standard' }, 'feeClassGroupId', 'not-offered'],
      ['no privacy consent', { privacyConsent: false }, 'privacyConsent', 'consent-required'],
    ])('refuses %s with a field problem and stores nothing', async (_, override, path, code) => {
      const club = await aClub(server.storage)
      const body =
        override === 'honorary'
          ? submissionFor(club, { feeClassGroupId: club.groups.honorary.id })
          : submissionFor(club, override as object)
      const response = await server.call('POST', submitPath(club.organisation.id), { body })
      expect(response.status).toBe(422)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(response.json).toMatchObject({ code: 'VALIDATION_FAILED', status: 422, errors: [expect.objectContaining({ path, code })] })
      const listed = await server.call('GET', staffPath(club.organisation.id), { apiKey: club.apiKey })
      expect(listed.json.items).toEqual([])
    })

    it('refuses a mandate when the club has no creditor identifier', async () => {
      const club = await aClub(server.storage, { creditorId: null })
      const response = await server.call('POST', submitPath(club.organisation.id), { body: submissionFor(club) })
      expect(response.json.errors).toEqual([expect.objectContaining({ path: 'mandate', code: 'not-offered' })])
    })

    it('answers unknown organisations, malformed JSON and oversized bodies with their own problems', async () => {
      const unknown = await server.call('POST', submitPath('00000000-0000-4000-8000-000000000000'), { body: {} })
      expect(unknown).toMatchObject({ status: 404, json: { code: 'ORGANISATION_NOT_FOUND' } })
      const club = await aClub(server.storage)
      const malformed = await server.call('POST', submitPath(club.organisation.id), { rawBody: '{"lastName": ' })
      expect(malformed.json).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ code: 'invalid-json' }] })
      const huge = await server.call('POST', submitPath(club.organisation.id), { body: submissionFor(club, { title: 'x'.repeat(70_000) }) })
      expect(huge).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } })
      const noRoute = await server.call('GET', '/nowhere')
      expect(noRoute).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } })
    })

    it('accepts cross-origin calls only from the club website origins', async () => {
      const club = await aClub(server.storage)
      const allowed = await server.call('POST', submitPath(club.organisation.id), {
        body: submissionFor(club),
        origin: 'https://tsv-test.example',
      })
      expect(allowed.status).toBe(201)
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tsv-test.example')

      const invalidButAllowed = await server.call('POST', submitPath(club.organisation.id), {
        body: submissionFor(club, { lastName: '' }),
        origin: 'https://tsv-test.example',
      })
      expect(invalidButAllowed.headers.get('access-control-allow-origin')).toBe('https://tsv-test.example')

      const foreign = await server.call('POST', submitPath(club.organisation.id), {
        body: submissionFor(club),
        origin: 'https://evil.example',
      })
      expect(foreign).toMatchObject({ status: 403, json: { code: 'ORIGIN_NOT_ALLOWED' } })
      // The refusal itself is readable (docs/decisions/0012): the embedded form can tell it from a server that is down.
      expect(foreign.headers.get('access-control-allow-origin')).toBe('https://evil.example')

      const preflight = await server.call('OPTIONS', submitPath(club.organisation.id), { origin: 'https://tsv-test.example' })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
      const badPreflight = await server.call('OPTIONS', submitPath(club.organisation.id), { origin: 'https://evil.example' })
      expect(badPreflight.status).toBe(403)

      const listed = await server.call('GET', staffPath(club.organisation.id), { apiKey: club.apiKey })
      expect(listed.json.items).toHaveLength(1)
    })

    it('requires a staff API key', async () => {
      const club = await aClub(server.storage)
      const none = await server.call('GET', staffPath(club.organisation.id))
      expect(none).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } })
      expect(none.headers.get('www-authenticate')).toBe('Bearer')
      const wrong = await server.call('GET', staffPath(club.organisation.id), { apiKey: `vk_${'A'.repeat(43)}` })
      expect(wrong).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } })
    })
  })
}

describe('domain dates come from the injected clock, never from the database', () => {
  const [engine] = engines()
  // 23:30 in Berlin on 31 December 2034, 22:30 UTC: the database's own now() is years and a day away from it.
  let now = new Date('2034-12-31T22:30:00Z')
  const server = useServer(engine!, { clock: { now: () => now } })

  it('dates the mandate on the day the applicant submitted, in the organisation time zone', async () => {
    const club = await aClub(server.storage)
    const submitted = await server.call('POST', `/public/organisations/${club.organisation.id}/applications`, {
      body: submissionFor(club, { mandate: { accountHolder: 'Erika Mustermann', iban: validIbans.DE, consent: true } }),
    })
    expect(submitted.json.submittedAt).toBe('2034-12-31T22:30:00.000Z')
    now = new Date('2035-01-09T09:00:00Z') // staff accept nine days later
    const accepted = await server.call('POST', `/organisations/${club.organisation.id}/applications/${submitted.json.id}/accept`, {
      apiKey: club.apiKey,
      body: {},
    })
    expect(accepted.json.application).toMatchObject({ submittedOn: '2034-12-31', decidedAt: '2035-01-09T09:00:00.000Z' })
    expect(accepted.json.membership.joinedOn).toBe('2035-01-09')
    const membership = await server.call('GET', `/organisations/${club.organisation.id}/memberships/${accepted.json.membership.id}`, {
      apiKey: club.apiKey,
    })
    expect(membership.json.mandates[0].signedOn).toBe('2034-12-31')
  })
})

describe('submission rate limit', () => {
  const [engine] = engines()
  const server = useServer(engine!)

  it('answers 429 with Retry-After after ten submissions from one address in ten minutes', async () => {
    const club = await aClub(server.storage)
    const submit = (clientAddress: string) =>
      server.call('POST', `/public/organisations/${club.organisation.id}/applications`, {
        body: submissionFor(club, { lastName: '' }),
        clientAddress,
      })
    for (let i = 0; i < 10; i += 1) expect((await submit('198.51.100.1')).status).toBe(422)
    const limited = await submit('198.51.100.1')
    expect(limited).toMatchObject({ status: 429, json: { code: 'RATE_LIMITED' } })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await submit('198.51.100.2')).status).toBe(422)
  })
})
