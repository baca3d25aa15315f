import { MINUTE_MS } from '../config.ts'
import { DomainError } from '../errors.ts'
import { addDays, fromLondon, londonParts } from '../time.ts'

/**
 * The limits that stop a script filling sessions or mailing strangers, without stopping real
 * people: an LA office or a nursery chain may book dozens of staff from one address in a minute.
 * Counts per minute are fixed one-minute windows; every figure is configuration (see the runtime's
 * `abuseLimitsFromEnv`).
 */
export interface AbuseLimits {
  /** `POST /api/sessions/{id}/bookings` per client address per minute. */
  bookingPerAddressPerMinute: number
  /** `POST /api/sessions/{id}/bookings` per email address per minute. */
  bookingPerEmailPerMinute: number
  /** Booking requests an email address may make per London day (each one that books or is told it holds a booking). */
  bookingsPerEmailPerDay: number
  /** `POST /api/bookings/lookup` per client address per minute. */
  lookupPerAddressPerMinute: number
  /** `POST /api/bookings/lookup` per email address per minute. */
  lookupPerEmailPerMinute: number
  /** `POST /api/bookings/{id}/check-in` per client address per minute (a room may share one). */
  checkInPerAddressPerMinute: number
  /** `POST /api/bookings/{id}/check-in` per booking (so per person) per minute. */
  checkInPerBookingPerMinute: number
  /** A session's waiting list holds at least this many… */
  waitingListMinimum: number
  /** …or this many times the session's capacity, whichever is larger. */
  waitingListPerPlace: number
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  bookingPerAddressPerMinute: 100,
  bookingPerEmailPerMinute: 10,
  bookingsPerEmailPerDay: 5,
  lookupPerAddressPerMinute: 30,
  lookupPerEmailPerMinute: 5,
  checkInPerAddressPerMinute: 300,
  checkInPerBookingPerMinute: 10,
  waitingListMinimum: 50,
  waitingListPerPlace: 2,
}

/**
 * Every limit raised to `count` (a million by default): for tests and benchmarks that book, look up
 * or check in thousands of times from one address, so they measure the engine, not the limits.
 * Whoever uses it must say so in what it prints.
 */
export function raisedAbuseLimits(count = 1_000_000): AbuseLimits {
  const raised = { ...DEFAULT_ABUSE_LIMITS }
  for (const name of Object.keys(raised) as (keyof AbuseLimits)[]) raised[name] = count
  return { ...raised, waitingListPerPlace: DEFAULT_ABUSE_LIMITS.waitingListPerPlace }
}

/** The longest a session's waiting list may grow: the larger of the minimum and the multiple of capacity. */
export function waitingListCap(capacity: number, limits: AbuseLimits): number {
  return Math.max(limits.waitingListMinimum, limits.waitingListPerPlace * capacity)
}

/** Which count a request is limited by; names the window's key and the problem's code. */
export type LimitName =
  | 'booking-address'
  | 'booking-email'
  | 'booking-day'
  | 'lookup-address'
  | 'lookup-email'
  | 'check-in-address'
  | 'check-in-booking'

/** One counting window: its key (the limit, the subject's fingerprint and the window's start) and its end. */
export interface RateWindow {
  key: string
  endsAt: Date
  limit: number
}

/** The one-minute window `now` falls in, for a subject (already a fingerprint) under a limit. */
export function minuteWindow(name: LimitName, subject: string, limit: number, now: Date): RateWindow {
  const index = Math.floor(now.getTime() / MINUTE_MS)
  return { key: `${name}#${subject}#${index}`, endsAt: new Date((index + 1) * MINUTE_MS), limit }
}

/** The London calendar day `now` falls in, ending at the next London midnight. */
export function londonDayWindow(name: LimitName, subject: string, limit: number, now: Date): RateWindow {
  const { date } = londonParts(now)
  return { key: `${name}#${subject}#${date}`, endsAt: fromLondon(addDays(date, 1), '00:00'), limit }
}

const CODE_OF = {
  'booking-address': 'rate-limit-address',
  'lookup-address': 'rate-limit-address',
  'check-in-address': 'rate-limit-address',
  'booking-email': 'rate-limit-email',
  'lookup-email': 'rate-limit-email',
  'check-in-booking': 'rate-limit-booking',
  'booking-day': 'daily-booking-limit',
} as const

const DETAIL_OF: Record<LimitName, (limit: number) => string> = {
  'booking-address': (n) => `At most ${n} booking requests a minute come from one network address.`,
  'booking-email': (n) => `At most ${n} booking requests a minute may use one email address.`,
  'booking-day': (n) => `One email address may make at most ${n} booking requests a day. Try again tomorrow.`,
  'lookup-address': (n) =>
    `At most ${n} requests for a list of bookings a minute come from one network address.`,
  'lookup-email': (n) => `At most ${n} requests for a list of bookings a minute may name one email address.`,
  'check-in-address': (n) => `At most ${n} check-ins a minute come from one network address.`,
  'check-in-booking': (n) => `At most ${n} check-ins a minute may be tried for one booking.`,
}

/** A limit was reached: 429 until its window ends, with `Retry-After`; the code names the kind of limit. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number
  readonly limit: LimitName
  constructor(name: LimitName, window: RateWindow, now: Date) {
    const seconds = Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000))
    super(CODE_OF[name], `${DETAIL_OF[name](window.limit)} Try again in ${describeWait(seconds)}.`)
    this.name = 'RateLimitedError'
    this.retryAfterSeconds = seconds
    this.limit = name
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 90) return `${minutes} minutes`
  return `${Math.ceil(minutes / 60)} hours`
}

/** The waiting list of the session holds as many as it may (see `waitingListCap`): 409. */
export class WaitingListFullError extends DomainError {
  constructor(cap: number) {
    super(
      'waiting-list-full',
      `This session is full and its waiting list is full too (${cap} people are waiting). ` +
        'Choose another date, or ask for an alert when new dates are added.',
    )
    this.name = 'WaitingListFullError'
  }
}
