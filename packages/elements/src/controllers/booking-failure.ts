import { ApiError, isApiError } from '@vereinskit/client'
import type { BookingFailure } from '../i18n/booking/booking-texts'

/** Anything thrown by a call as an `ApiError` (a network failure becomes `NETWORK_ERROR`). */
export function asApiError(caught: unknown): ApiError {
  return isApiError(caught) ? caught : new ApiError('NETWORK_ERROR', String(caught), { cause: caught })
}

/** The server's codes the booking explains in its own words. */
const failures: Readonly<Record<string, BookingFailure>> = {
  SLOT_NOT_AVAILABLE: 'slot-taken',
  ONLINE_BOOKING_LIMIT: 'limit',
  MEMBER_NOT_IDENTIFIED: 'not-identified',
  ONLINE_BOOKING_BLOCKED: 'blocked',
  OUTSIDE_BOOKING_WINDOW: 'outside-window',
  CONSULTATION_TYPE_NOT_FOUND: 'type-unavailable',
  CANCELLATION_TOO_LATE: 'too-late',
  CANCELLATION_LINK_INVALID: 'link-invalid',
  APPOINTMENT_CANCELLED: 'already-cancelled',
  NETWORK_ERROR: 'network',
  RATE_LIMITED: 'rate-limited',
}

/** The component's word for a refusal. */
export function failureOf(error: unknown): BookingFailure {
  return (isApiError(error) && failures[error.code]) || 'unexpected'
}
