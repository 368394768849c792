import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { appointmentSetupHandlers } from './appointment-setup-handlers'
import { appointmentHandlers } from './appointment-handlers'
import { appointmentLetterHandlers } from './appointment-letters'
import { onlineBookingHandlers } from './online-booking-handlers'
import { createConsultantStore, createLocationStore, createTopicStore, createTypeStore } from './postgres-catalogue-store'
import { createCalendarStore } from './postgres-calendar-store'
import { createAppointmentStore } from './postgres-appointment-store'
import { queueDueReminders } from './appointment-mail'

const setupRoutes = {
  consultants: contract.consultants,
  consultationLocations: contract.consultationLocations,
  consultationTypes: contract.consultationTypes,
  consultationTopics: contract.consultationTopics,
  calendarTemplates: contract.calendarTemplates,
  appointmentBlocks: contract.appointmentBlocks,
}

/** Consultant calendars (Administration → Beraterkalender): catalogues, templates, blocks. */
export const appointmentSetupCapability = defineCapability({
  name: 'appointment-setup',
  routes: setupRoutes,
  handlers: appointmentSetupHandlers,
  stores: {
    consultants: createConsultantStore,
    consultationLocations: createLocationStore,
    consultationTypes: createTypeStore,
    consultationTopics: createTopicStore,
    calendar: createCalendarStore,
  },
})

/** Appointments (Termine/Beratungen): booking by staff, lists, missed appointments, reminders. */
export const appointmentCapability = defineCapability({
  name: 'appointments',
  routes: contract.appointments,
  handlers: { ...appointmentHandlers, ...appointmentLetterHandlers },
  stores: { appointments: createAppointmentStore },
  frequentJobs: [{ name: 'appointment-reminders', run: (tx, now, organisationName) => queueDueReminders(tx, now, organisationName) }],
})

/** Online booking for club websites (public). */
export const onlineBookingCapability = defineCapability({
  name: 'online-booking',
  routes: contract.onlineBooking,
  handlers: onlineBookingHandlers,
})
