import {
  type Booking,
  BookingSchema,
  type Course,
  CourseSchema,
  type InterestAlert,
  InterestAlertSchema,
  OUTBOX_STREAM_GRACE_MS,
  type OutboxMessage,
  OutboxMessageSchema,
  type Partner,
  PartnerSchema,
  type Session,
  SessionSchema,
  sessionStart,
} from '@ey/domain'
import { dueKeys, indexKeys, keys } from './keys.ts'

type Item = Record<string, unknown>

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'type',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'duePk',
  'dueSk',
  'expiresAt',
]

/** The entity's own attributes, without keys and bookkeeping. */
export function withoutKeys(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name)))
}

/** Epoch seconds `days` from `from` (the write's own time, from the clock port): the value DynamoDB's TTL reads. */
export function ttlAfterDays(days: number, from: Date): number {
  return Math.floor(from.getTime() / 1000) + days * 86_400
}

export const partnerItem = {
  to: (partner: Partner): Item => ({
    ...keys.partner(partner.id),
    ...indexKeys.partnerListing(partner.name, partner.id),
    type: 'partner',
    ...partner,
  }),
  from: (item: Item): Partner => PartnerSchema.parse(withoutKeys(item)),
}

export const courseItem = {
  to: (course: Course): Item => ({
    ...keys.course(course.id),
    ...indexKeys.courseListing(course.title, course.id),
    type: 'course',
    ...course,
  }),
  from: (item: Item): Course => CourseSchema.parse(withoutKeys(item)),
}

export const sessionItem = {
  /**
   * Only published sessions carry the listing keys, so drafts and cancelled ones never list; every
   * session carries the schedule keys of the administrators' list.
   */
  to: (session: Session): Item => ({
    ...keys.session(session.id),
    ...(session.status === 'published'
      ? indexKeys.sessionListing(sessionStart(session).toISOString(), session.id)
      : {}),
    ...indexKeys.sessionSchedule(sessionStart(session).toISOString(), session.id),
    type: 'session',
    ...session,
  }),
  from: (item: Item): Session => SessionSchema.parse(withoutKeys(item)),
}

/** The due-work keys an offered booking carries until its deadline: see `bookingItem` and `changeStatus`. */
export function offerDueKeys(booking: Pick<Booking, 'id' | 'status' | 'offerExpiresAt'>) {
  return booking.status === 'offered' && booking.offerExpiresAt
    ? dueKeys.due('offer', booking.offerExpiresAt, booking.id)
    : undefined
}

export const bookingItem = {
  /**
   * An offered booking carries gsi4's `DUE#offer` keys at its deadline; no other status does. An
   * erased booking is no longer found by its person (no gsi2 keys).
   */
  to: (booking: Booking): Item => {
    const startsAt = booking.session.parts[0]?.startsAt ?? booking.createdAt
    return {
      ...keys.booking(booking.id),
      ...indexKeys.register(booking.sessionId, booking.createdAt, booking.id),
      ...(booking.erasedAt ? {} : indexKeys.personBookings(booking.emailKey, startsAt, booking.id)),
      ...indexKeys.laBookings(booking.person.laCode, startsAt, booking.id),
      ...offerDueKeys(booking),
      type: 'booking',
      ...booking,
    }
  },
  from: (item: Item): Booking => BookingSchema.parse(withoutKeys(item)),
}

/** Days an outbox item is kept after it is written (DynamoDB TTL removes it). */
export const OUTBOX_RETENTION_DAYS = 30

/** gsi2 keys that find an email by the booking or alert it is about (a subject access, an erasure). */
function emailsAboutKeys(message: OutboxMessage) {
  const about =
    'bookingId' in message ? message.bookingId : 'alertId' in message ? message.alertId : undefined
  return about ? indexKeys.emailsAbout(about, message.createdAt, message.id) : {}
}

export const outboxItem = {
  /** A new item: pending, and due to the sweeper once the stream has had its grace period. */
  to: (message: OutboxMessage): Item => ({
    ...keys.outbox(message.id),
    ...dueKeys.due('outbox', new Date(Date.parse(message.createdAt) + OUTBOX_STREAM_GRACE_MS), message.id),
    ...emailsAboutKeys(message),
    type: 'outbox',
    ...message,
    status: 'pending',
    attempts: 0,
    expiresAt: ttlAfterDays(OUTBOX_RETENTION_DAYS, new Date(message.createdAt)),
  }),
  /** The message an item (or a stream image of it) holds; delivery bookkeeping is left out. */
  from: (item: Item): OutboxMessage => OutboxMessageSchema.parse(item),
}

/** Days an idempotency record is kept: retries come within minutes, but a day is cheap. */
export const IDEMPOTENCY_RETENTION_DAYS = 1

/** Days a sent or stopped alert is kept (its stop link still answers, its email can still be checked), then TTL removes it. */
export const ALERT_RETENTION_DAYS = 30

export const interestAlertItem = {
  /** Only open alerts carry the index keys the matching reads; closed ones carry their removal time. */
  to: (alert: InterestAlert): Item => ({
    ...keys.interestAlert(alert.id),
    ...(alert.status === 'open' ? indexKeys.openAlerts(alert.courseId, alert.createdAt, alert.id) : {}),
    ...indexKeys.personAlerts(alert.emailKey, alert.createdAt, alert.id),
    type: 'interest-alert',
    ...alert,
    ...(alert.closedAt ? { expiresAt: ttlAfterDays(ALERT_RETENTION_DAYS, new Date(alert.closedAt)) } : {}),
  }),
  from: (item: Item): InterestAlert => InterestAlertSchema.parse(withoutKeys(item)),
}
