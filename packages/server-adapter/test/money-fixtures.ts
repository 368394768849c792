import { expect } from 'vitest'
import { paymentPlanTemplates } from '@vereinskit/core/fees'
import { aClub, submissionFor } from './fixtures'
import type { useServer } from './http/harness'

type Server = ReturnType<typeof useServer>

/**
 * A club with a fee account (priority 1), a dunning-cost account (priority 2), a bank account, yearly and quarterly
 * plans, an adult fee class of 96,00 € in the default group, and `members` accepted applications (joined on
 * `joinedOn`). Everything is set up through the HTTP API, as a club's staff would.
 */
export async function aClubWithFees(
  server: Server,
  options: { members?: number; joinedOn?: string; paymentMethod?: 'invoice' | 'direct-debit' } = {},
) {
  const club = await aClub(server.storage)
  const org = club.organisation.id
  const staff = async (method: string, path: string, body?: unknown) => {
    const response = await server.call(method, `/organisations/${org}${path}`, { apiKey: club.apiKey, body })
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.json)}`)
    return response.json
  }
  const feeAccount = await staff('POST', '/accounts', {
    number: '4000',
    name: 'Mitgliedsbeitrag',
    type: 'receivable',
    receivableKind: 'main',
    priority: 1,
  })
  const costAccount = await staff('POST', '/accounts', {
    number: '4100',
    name: 'Mahngebühren',
    type: 'receivable',
    receivableKind: 'dunning-costs',
    priority: 2,
  })
  const bank = await staff('POST', '/accounts', { number: '1200', name: 'Bank', type: 'cash', receivableKind: null, priority: 0 })
  const yearly = await staff('POST', '/payment-plans', { name: 'Jährlich', ...paymentPlanTemplates.yearly })
  const quarterly = await staff('POST', '/payment-plans', { name: 'Vierteljährlich', ...paymentPlanTemplates.quarterly })
  const adult = await staff('POST', '/fee-classes', {
    name: 'Erwachsene',
    amount: 9600,
    paymentPlanId: yearly.id,
    validFrom: '2000-01-01',
    validUntil: null,
    accountId: feeAccount.id,
    successorId: null,
    showInMembership: true,
  })
  await server.storage.forOrganisation(org).finance.setGroupItems(club.groups.adults.id, [{ feeClassId: adult.id, amount: 9600 }])

  const memberships: { id: string; number: number }[] = []
  for (let i = 0; i < (options.members ?? 1); i += 1) {
    const submitted = await server.call('POST', `/public/organisations/${org}/applications`, {
      body: submissionFor(club, {
        lastName: `Mitglied${i}`,
        // Distinct people: the duplicate check refuses a second intake of the same person.
        email: `mitglied${i}@example.org`,
        dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
        ...(options.paymentMethod !== 'direct-debit' && { mandate: undefined }),
      }),
      clientAddress: `10.0.${Math.floor(i / 200)}.${i % 200}`,
    })
    expect(submitted.status).toBe(201)
    // They share an address and an account on purpose (one test household): distinct persons all the same.
    const accepted = await staff('POST', `/applications/${submitted.json.id}/accept`, {
      joinedOn: options.joinedOn ?? '2025-04-15',
      ignoreDuplicates: true,
    })
    memberships.push({ id: accepted.membership.id, number: accepted.membership.number })
  }
  return {
    ...club,
    org,
    staff,
    accounts: { fee: feeAccount, cost: costAccount, bank },
    plans: { yearly, quarterly },
    feeClass: adult,
    memberships,
  }
}

/** Ends the club's adult class on 31.12.2026 and names a successor of 108,00 € valid from 01.01.2027. */
export async function withSuccessorClass(club: Awaited<ReturnType<typeof aClubWithFees>>) {
  const successor = await club.staff('POST', '/fee-classes', {
    name: 'Erwachsene 2027',
    amount: 10800,
    paymentPlanId: club.plans.yearly.id,
    validFrom: '2027-01-01',
    validUntil: null,
    accountId: club.accounts.fee.id,
    successorId: null,
  })
  await club.staff('PATCH', `/fee-classes/${club.feeClass.id}`, { validUntil: '2026-12-31', successorId: successor.id })
  return successor as { id: string }
}
