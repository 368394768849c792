import * as z from 'zod'

// Value schemas live beside their values; the contract only re-exports them (contract → domain, never back).
export { CalendarDateSchema } from '../calendar/calendar-date-schema'
export { CentsSchema, AmountSchema, maxAmountCents, maxBalanceCents } from '../money/amount-schema'
export { IbanSchema, BicSchema } from '../sepa/sepa-schemas'

/** Opaque resource id. */
export const IdSchema = z.string().min(1).max(64)

/** An ISO 8601 timestamp with offset, as the server writes it. */
export const TimestampSchema = z.iso.datetime({ offset: true })
