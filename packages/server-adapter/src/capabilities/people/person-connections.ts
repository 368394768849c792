import { sql, type SQL } from 'drizzle-orm'

/**
 * The one visibility rule of the shared address book (sync-tenancy AB-04): staff of an organisation see a person
 * only when the person is connected to it. The connections, each a row the organisation owns:
 *
 * - main member of one of its memberships, alternate payer of one, or recruiter named on one;
 * - partner member or beneficiary attached to one of its memberships;
 * - holder of one of its SEPA mandates;
 * - applicant of one of its accepted online applications;
 * - a contact it recorded (Person erfassen);
 * - registered for one of its membership periods;
 * - booked for one of its appointments;
 * - linked to a customer of its CRM (a local copy or a reference).
 *
 * Every read and search of persons goes through `connectedTo`; a new kind of connection (appointment bookings)
 * is one more line here (appointments added theirs).
 * @see docs/decisions/0020-people-search-and-duplicates.md
 */
const connections: ReadonlyArray<(organisationId: string, personId: SQL) => SQL> = [
  (o, p) => sql`exists (select 1 from memberships c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from memberships c where c.organisation_id = ${o} and c.alternate_payer_person_id = ${p})`,
  (o, p) => sql`exists (select 1 from memberships c where c.organisation_id = ${o} and c.recruited_by_person_id = ${p})`,
  (o, p) => sql`exists (select 1 from membership_persons c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from mandates c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from applications c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from person_contacts c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from period_registrations c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from appointments c where c.organisation_id = ${o} and c.person_id = ${p})`,
  (o, p) => sql`exists (select 1 from customer_references c where c.organisation_id = ${o} and c.person_id = ${p})`,
]

/** SQL that is true when the person `personId` (a column or value) is connected to the organisation. */
export function connectedTo(organisationId: string, personId: SQL): SQL {
  return sql`(${sql.join(
    connections.map((c) => c(organisationId, personId)),
    sql` or `,
  )})`
}
