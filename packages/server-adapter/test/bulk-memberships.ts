import type pg from 'pg'

/**
 * Adds `count` persons with one membership each (numbers from `firstNumber` on, joined on `joinedOn`, paying by
 * invoice) straight in SQL, for volume tests and benchmarks. Callers add what else they need (fee assignments, open
 * debits, dunning states) by selecting the memberships from `firstNumber` on.
 */
export async function addBulkMemberships(
  client: pg.Client,
  organisationId: string,
  options: { count: number; firstNumber: number; joinedOn: string },
): Promise<void> {
  await client.query(
    `with p as (
       insert into persons (salutation, first_name, last_name, date_of_birth, street, postcode, city, country)
       select 'ms', 'Test', 'Mitglied ' || g, '1980-01-01', 'Weg 1', '12345', 'Stadt', 'DE' from generate_series(1, $2::int) g
       returning id),
     numbered as (select id, row_number() over () as rn from p)
     insert into memberships (organisation_id, person_id, number, joined_on, payment_method)
     select $1, id, $3::bigint + rn - 1, $4::date, 'invoice' from numbered`,
    [organisationId, options.count, options.firstNumber, options.joinedOn],
  )
}
