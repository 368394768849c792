import { describe, expect, it } from 'vitest'
import { ApiError } from '@vereinskit/client'
import type { ApplicationForm } from '@vereinskit/core/contract'
import { anApplicationSubmission } from '@vereinskit/core/testing'
import { ApplicationFormController, type ApplicationClient } from './application-form-controller'

const form: ApplicationForm = {
  organisationId: 'org-1',
  organisationName: 'TSV Beispielstadt',
  creditorId: 'DE98ZZZ09999999999',
  privacyNoticeUrl: 'https://tsv.example/datenschutz',
  feeClassGroups: [{ id: 'adults', name: 'Erwachsene', description: null }],
  defaultFeeClassGroupId: 'adults',
  applicationsOpen: true,
  preselectedPaymentMethod: 'direct-debit',
  today: '2031-06-15',
  timeZone: 'Europe/Berlin',
}

function controllerWith(answers: { form?: () => Promise<ApplicationForm>; submit?: () => Promise<unknown> }) {
  const sent: unknown[] = []
  let changes = 0
  const client = {
    applications: {
      form: answers.form ?? (async () => form),
      submit: async (input: unknown) => {
        sent.push(input)
        return (answers.submit ?? (async () => ({ id: 'app-1', status: 'pending', submittedAt: '2031-06-15T10:00:00.000Z' })))()
      },
    },
  } as unknown as ApplicationClient
  const controller = new ApplicationFormController(
    () => client,
    () => (changes += 1),
  )
  return { controller, sent, changes: () => changes }
}

const allow = { validate: true, beforeSend: () => true }

describe('ApplicationFormController', () => {
  it('loads the form, preselects direct debit where the club collects, and tells the view', async () => {
    const { controller, changes } = controllerWith({})
    await controller.load('org-1')
    expect(controller.phase).toBe('ready')
    expect(controller.preselectsDirectDebit).toBe(true)
    expect(changes()).toBeGreaterThan(0)
  })

  it('says why a form cannot be shown: closed, origin not allowed, or unreachable', async () => {
    const closed = controllerWith({ form: async () => ({ ...form, applicationsOpen: false }) })
    await closed.controller.load('org-1')
    expect(closed.controller.phase).toBe('closed')
    const refused = controllerWith({ form: async () => Promise.reject(new ApiError('ORIGIN_NOT_ALLOWED', 'no', { status: 403 })) })
    await refused.controller.load('org-1')
    expect(refused.controller.phase).toBe('origin-not-allowed')
    const offline = controllerWith({ form: async () => Promise.reject(new TypeError('offline')) })
    await offline.controller.load('org-1')
    expect(offline.controller.phase).toBe('load-failed')
  })

  it('checks dates against the organisation’s today from the server, not the browser’s clock', async () => {
    const { controller, sent } = controllerWith({ form: async () => ({ ...form, today: '1999-12-31' }) })
    await controller.load('org-1')
    const outcome = await controller.submit(
      'org-1',
      anApplicationSubmission({ feeClassGroupId: 'adults', dateOfBirth: '2000-01-01' }),
      allow,
    )
    expect(outcome).toMatchObject({ kind: 'invalid', issues: [{ path: 'dateOfBirth', code: 'in-future' }] })
    expect(sent).toEqual([])
  })

  it('sends a valid application once, unless the page cancels it', async () => {
    const { controller, sent } = controllerWith({})
    await controller.load('org-1')
    const submission = anApplicationSubmission({ feeClassGroupId: 'adults' })
    expect(await controller.submit('org-1', submission, { validate: true, beforeSend: () => false })).toEqual({ kind: 'cancelled' })
    expect(await controller.submit('org-1', submission, allow)).toMatchObject({ kind: 'sent', receipt: { id: 'app-1' } })
    expect(controller.phase).toBe('success')
    expect(sent).toEqual([{ params: { organisationId: 'org-1' }, body: submission }])
    expect(await controller.submit('org-1', submission, allow)).toEqual({ kind: 'cancelled' })
  })

  it('shows the server’s field issues, or a failure when there are none', async () => {
    const issues = [{ path: 'email', code: 'invalid-email', message: 'Please enter a valid e-mail address.' }]
    const rejected = controllerWith({ submit: async () => Promise.reject(new ApiError('VALIDATION_FAILED', 'x', { status: 422, issues })) })
    await rejected.controller.load('org-1')
    await rejected.controller.submit('org-1', anApplicationSubmission({ feeClassGroupId: 'adults' }), allow)
    expect(rejected.controller).toMatchObject({ phase: 'ready', issues, failure: undefined })
    rejected.controller.clearIssue('email')
    expect(rejected.controller.issues).toEqual([])

    const limited = controllerWith({ submit: async () => Promise.reject(new ApiError('RATE_LIMITED', 'x', { status: 429 })) })
    await limited.controller.load('org-1')
    await limited.controller.submit('org-1', anApplicationSubmission({ feeClassGroupId: 'adults' }), allow)
    expect(limited.controller.failure).toBe('rate-limited')
    const offline = controllerWith({ submit: async () => Promise.reject(new TypeError('offline')) })
    await offline.controller.load('org-1')
    const outcome = await offline.controller.submit('org-1', anApplicationSubmission({ feeClassGroupId: 'adults' }), allow)
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: 'NETWORK_ERROR' } })
    expect(offline.controller.failure).toBe('network')
  })
})
