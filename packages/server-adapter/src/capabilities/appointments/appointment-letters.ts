import { VereinskitError, daysBetween } from '@vereinskit/core'
import { instantAt, localDateTimeOf } from '@vereinskit/core/appointments'
import { letterSalutation } from '@vereinskit/core/correspondence'
import { displayName } from '@vereinskit/core/people'
import type { contract } from '@vereinskit/core/contract'
import { addDays } from '@vereinskit/core'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { writeLetters } from '../correspondence/write-letters'
import { templateFor } from '../correspondence/render-document'
import { appointmentViews } from './appointment-view'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { AppointmentFilter, AppointmentRecord } from './appointment-store'
import { appointmentListPdf, routingSlipPdf } from './appointment-pdf'

type Handlers = RouteHandlers<typeof contract.appointments>

/**
 * Missed appointments (Versäumte Termine, handbook §5.8) and the printed lists (§5.5, §5.7): past appointments
 * without the attended flag, one notification each by the person's preferred channel — a letter to the print
 * queue, or the TerminMail* e-mail with the letter attached — written once per appointment.
 * @see docs/decisions/0022-appointments.md
 */
/** The most appointments one list, PDF or letter run covers; a longer range is refused rather than cut short. */
const maxListed = 5000

/** Every appointment of a filter, or a clear refusal when there are more than a printout can hold. */
async function allAppointments(storage: OrganisationStorage, filter: AppointmentFilter): Promise<AppointmentRecord[]> {
  const records = await storage.appointments.list({ ...filter, limit: maxListed + 1 })
  if (records.length > maxListed)
    throw new VereinskitError('INVALID_RANGE', `More than ${maxListed} appointments in this range; choose a shorter one.`)
  return records
}

export const appointmentLetterHandlers: Pick<Handlers, 'missed' | 'missedLetters' | 'listPdf' | 'routingSlip' | 'routingSlips'> = {
  async missed({ query }, { storage, clock, organisation }) {
    if (daysBetween(query.fromDate, query.toDate) < 0) throw new VereinskitError('INVALID_RANGE', 'The range starts after it ends.')
    const records = await allAppointments(storage, {
      from: instantAt(query.fromDate, '00:00', organisation.timeZone),
      to: instantAt(addDays(query.toDate, 1), '00:00', organisation.timeZone),
      missedBefore: clock.now(),
    })
    return { items: await appointmentViews(storage, records) }
  },

  missedLetters: ({ body }, { storage, clock, today, organisation }) =>
    storage.transaction(async (tx) => {
      const now = clock.now()
      const skipped: { appointmentId: string; reason: 'not-missed' | 'already-written' | 'no-membership' | 'template-off' }[] = []
      const candidates = []
      for (const id of new Set(body.appointmentIds)) {
        const a = await tx.appointments.get(id)
        if (!a || a.cancelledAt || a.attended || a.endsAt > now) skipped.push({ appointmentId: id, reason: 'not-missed' })
        // A letter is filed with a membership's documents: an appointment of a person without one gets none.
        else if (!a.membershipId) skipped.push({ appointmentId: id, reason: 'no-membership' })
        else candidates.push(a)
      }
      // The club's missed-appointment template switched off: nothing is written, nothing is marked.
      if (!(await templateFor(tx, 'appointment', null))) {
        return {
          letters: 0,
          emails: 0,
          skipped: [...skipped, ...candidates.map((a) => ({ appointmentId: a.id, reason: 'template-off' as const }))],
        }
      }
      // Marking claims the appointments inside the transaction: two requests at once write each letter once.
      const fresh = new Set(
        await tx.appointments.markMissedLetters(
          candidates.map((a) => a.id),
          now,
        ),
      )
      const letters = []
      const names = new Map((await tx.consultants.list()).map((c) => [c.id, c.name]))
      const locations = new Map((await tx.consultationLocations.list()).map((l) => [l.id, l.name]))
      for (const a of candidates) {
        if (!fresh.has(a.id)) {
          skipped.push({ appointmentId: a.id, reason: 'already-written' })
          continue
        }
        const person = (await tx.people.get(a.personId))!
        const membership = await tx.memberships.get(a.membershipId!)
        if (!membership) {
          skipped.push({ appointmentId: a.id, reason: 'no-membership' })
          continue
        }
        const local = localDateTimeOf(a.startsAt, a.timeZone)
        letters.push({
          membershipId: membership.id,
          kind: 'appointment' as const,
          templateId: null,
          title: `Versäumter Termin ${local.date}`,
          createdOn: today,
          channel: person.preferredChannel,
          email: person.email,
          runId: null,
          data: {
            club: { name: organisation.name, address: null },
            member: { number: membership.number, salutation: letterSalutation(person), name: displayName(person) },
            address: person.billingAddress ?? person.postalAddress,
            letter: { number: null, date: today },
            appointment: {
              date: local.date,
              time: local.time,
              consultant: names.get(a.consultantId) ?? '',
              location: (a.locationId && locations.get(a.locationId)) || '',
            },
          },
        })
      }
      const ids = await writeLetters(tx, letters, now)
      const emails = letters.filter((l, i) => ids[i] && l.channel === 'email' && l.email).length
      return { letters: ids.filter(Boolean).length - emails, emails, skipped }
    }),

  async listPdf({ query }, { storage, organisation }) {
    if (daysBetween(query.fromDate, query.toDate) < 0 || daysBetween(query.fromDate, query.toDate) > 366) {
      throw new VereinskitError('INVALID_RANGE', 'Print at most a year, the start before the end.')
    }
    const records = await allAppointments(storage, {
      from: instantAt(query.fromDate, '00:00', organisation.timeZone),
      to: instantAt(addDays(query.toDate, 1), '00:00', organisation.timeZone),
    })
    return appointmentListPdf(await appointmentViews(storage, records), query.groupBy, {
      organisationName: organisation.name,
      from: query.fromDate,
      to: query.toDate,
    })
  },

  async routingSlip({ params }, { storage, organisation }) {
    const appointment = await storage.appointments.get(params.appointmentId)
    if (!appointment) throw notFound('APPOINTMENT_NOT_FOUND', 'Appointment', params.appointmentId)
    const [view] = await appointmentViews(storage, [appointment])
    return routingSlipPdf([{ appointment: view!, person: (await storage.people.get(appointment.personId))! }], organisation.name)
  },

  async routingSlips({ query }, { storage, organisation }) {
    const records = await allAppointments(storage, {
      from: instantAt(query.date, '00:00', organisation.timeZone),
      to: instantAt(addDays(query.date, 1), '00:00', organisation.timeZone),
      consultantId: query.consultantId,
      locationId: query.locationId,
    })
    const views = await appointmentViews(storage, records)
    const slips = []
    for (const [i, view] of views.entries()) slips.push({ appointment: view, person: (await storage.people.get(records[i]!.personId))! })
    return routingSlipPdf(slips, organisation.name)
  },
}
