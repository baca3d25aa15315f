import type { OutboxStore } from '../outbox-ports.ts'
import type { BookingDeps, Clock, Fingerprints } from '../ports.ts'
import type { RateLimiter } from '../rate-limit-ports.ts'
import {
  type AbuseLimits,
  DEFAULT_ABUSE_LIMITS,
  type LimitName,
  londonDayWindow,
  minuteWindow,
  RateLimitedError,
  type RateWindow,
} from '../rules/abuse-limits.ts'
import { normaliseEmail } from '../rules/people.ts'
import { type BookingRequestOutcome, type BookSessionInput, requestBooking } from './book-session.ts'

/** What counting requests needs: the counts, the time, fingerprints (no address is stored as typed) and the limits. */
export interface RateLimitDeps {
  rateLimits: RateLimiter
  clock: Clock
  fingerprints: Fingerprints
  /** Default `DEFAULT_ABUSE_LIMITS`. */
  limits?: AbuseLimits
}

/** Who a request comes from: the client's network address, as the edge saw it. */
export interface RequestOrigin {
  address: string
}

const PER_MINUTE: Record<Exclude<LimitName, 'booking-day'>, keyof AbuseLimits> = {
  'booking-address': 'bookingPerAddressPerMinute',
  'booking-email': 'bookingPerEmailPerMinute',
  'lookup-address': 'lookupPerAddressPerMinute',
  'lookup-email': 'lookupPerEmailPerMinute',
  'check-in-address': 'checkInPerAddressPerMinute',
  'check-in-booking': 'checkInPerBookingPerMinute',
}

/** A subject's fingerprint: counts are keyed by it, so no address or email is stored as typed. */
function subjectOf(deps: RateLimitDeps, kind: string, value: string): string {
  return deps.fingerprints.of(`${kind}:${value}`).slice(0, 32)
}

/**
 * Counts the request in each of its one-minute windows in turn; throws `RateLimitedError` (429,
 * with the seconds until the window ends) at the first whose limit is reached.
 */
export async function admitRequest(
  deps: RateLimitDeps,
  counts: { limit: Exclude<LimitName, 'booking-day'>; subject: string }[],
): Promise<void> {
  const limits = deps.limits ?? DEFAULT_ABUSE_LIMITS
  const now = deps.clock.now()
  for (const { limit: name, subject } of counts) {
    const window = minuteWindow(name, subjectOf(deps, name, subject), limits[PER_MINUTE[name]], now)
    if (!(await deps.rateLimits.take(window))) throw new RateLimitedError(name, window, now)
  }
}

/** `POST /api/bookings/lookup`: counted per client address and per email address. */
export function admitBookingLookup(deps: RateLimitDeps, origin: RequestOrigin, email: string): Promise<void> {
  return admitRequest(deps, [
    { limit: 'lookup-address', subject: origin.address },
    { limit: 'lookup-email', subject: normaliseEmail(email) },
  ])
}

/** `POST /api/bookings/{id}/check-in`: counted per client address and per booking. */
export function admitCheckIn(deps: RateLimitDeps, origin: RequestOrigin, bookingId: string): Promise<void> {
  return admitRequest(deps, [
    { limit: 'check-in-address', subject: origin.address },
    { limit: 'check-in-booking', subject: bookingId },
  ])
}

/** The London day's count of an email address's booking requests. */
export function dailyBookingWindow(deps: RateLimitDeps, email: string): RateWindow {
  const limits = deps.limits ?? DEFAULT_ABUSE_LIMITS
  const emailKey = normaliseEmail(email)
  return londonDayWindow(
    'booking-day',
    subjectOf(deps, 'booking-day', emailKey),
    limits.bookingsPerEmailPerDay,
    deps.clock.now(),
  )
}

/**
 * A booking request from the public within the limits: counted per client address and per email
 * address per minute, then against the email address's allowance for the London day, then made as
 * `requestBooking` makes it. The day counts a request that booked and one told that the address
 * holds a booking alike (so the count never tells them apart); a retry answered from its
 * Idempotency-Key, or a request refused (closed, full, not found), is given back.
 */
export async function requestBookingWithinLimits(
  deps: BookingDeps & RateLimitDeps & { outbox: Pick<OutboxStore, 'enqueue'> },
  origin: RequestOrigin,
  input: BookSessionInput,
): Promise<BookingRequestOutcome> {
  await admitRequest(deps, [
    { limit: 'booking-address', subject: origin.address },
    { limit: 'booking-email', subject: normaliseEmail(input.person.email) },
  ])
  const day = dailyBookingWindow(deps, input.person.email)
  if (!(await deps.rateLimits.take(day))) throw new RateLimitedError('booking-day', day, deps.clock.now())
  let outcome: BookingRequestOutcome
  try {
    outcome = await requestBooking(deps, input)
  } catch (error) {
    await deps.rateLimits.giveBack(day)
    throw error
  }
  if (outcome.kind === 'booked' && outcome.result.replayed) await deps.rateLimits.giveBack(day)
  return outcome
}
