import fc from 'fast-check'
import { fromEpochDay, toEpochDay } from '../src/calendar/calendar-date'

/** Cents within ± 10 million euros. */
export const cents = () => fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })

/** Any calendar date from 1900 to 2199. */
export const calendarDate = () => fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2199-12-31') }).map(fromEpochDay)

/** A valid German IBAN built from a random bank code and account number with correct mod-97 check digits. */
export const germanIban = () =>
  fc.tuple(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{10}$/)).map(([blz, account]) => {
    const bban = `${blz}${account}`
    const numeric = `${bban}131400` // D=13, E=14, check digits 00
    let remainder = 0
    for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97
    return `DE${String(98 - remainder).padStart(2, '0')}${bban}`
  })
