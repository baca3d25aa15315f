import type { BookingView, CourseView, NewBookingView, SessionView } from '@ey/contract'
import {
  type Booking,
  type BookingPolicy,
  type BookSessionResult,
  bookingClosesAt,
  bookingWindow,
  type Course,
  isTwilight,
  type ManagedBooking,
  type Partner,
  placesLeft,
  type Session,
  type SessionPart,
  sessionEnd,
  sessionStart,
  type Topic,
  toLondonIso,
} from '@ey/domain'
import { holdsConfirmedPlace, manageUrl, publicStatus } from '@ey/presentation'

/** What every answer about a booking starts with. */
function bookingHead(booking: Booking, waitlistPosition: number | undefined) {
  return {
    id: booking.id,
    reference: booking.reference,
    sessionId: booking.sessionId,
    status: publicStatus(booking.status),
    ...(waitlistPosition === undefined ? {} : { waitlistPosition }),
  }
}

function londonParts(parts: readonly SessionPart[]) {
  return parts.map((part) => ({ startsAt: toLondonIso(part.startsAt), endsAt: toLondonIso(part.endsAt) }))
}

/** A course with its partner's name, as listed. */
export function courseView(course: Course, partners: ReadonlyMap<string, Partner>): CourseView {
  const partner = partners.get(course.partnerId)
  return {
    ...course,
    partner: {
      id: course.partnerId,
      name: partner?.name ?? '',
      ...(partner?.website ? { website: partner.website } : {}),
    },
  }
}

/** A session as the public sees it at `now`: never its joining link or trainers. */
export function sessionView(
  session: Session,
  topics: readonly Topic[],
  now: Date,
  policy: BookingPolicy,
): SessionView {
  return {
    id: session.id,
    courseId: session.courseId,
    title: session.title,
    startsAt: toLondonIso(sessionStart(session)),
    endsAt: toLondonIso(sessionEnd(session)),
    format: session.format,
    twilight: isTwilight(sessionStart(session), policy),
    capacity: session.capacity,
    placesLeft: placesLeft(session),
    waitlistLength: session.waitingCount,
    bookable: bookingWindow(session, now, policy) === 'open',
    bespokeLaCodes: session.bespokeLaCodes,
    parts: londonParts(session.parts),
    ...(session.venue ? { venue: session.venue } : {}),
    topics: [...topics],
    ...(session.bookingOpensAt ? { bookingOpensAt: toLondonIso(session.bookingOpensAt) } : {}),
    bookingClosesAt: toLondonIso(bookingClosesAt(session, policy)),
    status: session.status === 'cancelled' ? 'cancelled' : 'published',
  }
}

/**
 * A booking as its holder sees it. The joining link is shared only while the booking holds a
 * confirmed place (not a mere offer) on a session that still runs.
 */
export function bookingView({ booking, waitlistPosition }: ManagedBooking, session?: Session): BookingView {
  const running = session?.status === 'published'
  const snapshot = booking.session
  return {
    ...bookingHead(booking, waitlistPosition),
    ...(booking.offerExpiresAt ? { offerExpiresAt: toLondonIso(booking.offerExpiresAt) } : {}),
    person: booking.person,
    session: {
      id: booking.sessionId,
      courseId: snapshot.courseId,
      title: snapshot.title,
      startsAt: toLondonIso(sessionStart(snapshot)),
      endsAt: toLondonIso(sessionEnd(snapshot)),
      parts: londonParts(snapshot.parts),
      format: snapshot.format,
      ...(snapshot.venue ? { venue: snapshot.venue } : {}),
      // A session gone from publication no longer runs for this person, whatever its reason.
      status: running ? 'published' : 'cancelled',
    },
    ...(running && holdsConfirmedPlace(booking.status) && session.joiningUrl
      ? { joiningUrl: session.joiningUrl }
      : {}),
    laSharing: (booking.laSharing ?? []).map((answer) => ({ ...answer, at: toLondonIso(answer.at) })),
    createdAt: toLondonIso(booking.createdAt),
    updatedAt: toLondonIso(booking.updatedAt),
  }
}

/** The answer to a booking request. */
export function newBookingView(result: BookSessionResult, siteUrl: string): NewBookingView {
  const { booking, manageToken, waitlistPosition } = result
  return {
    ...bookingHead(booking, waitlistPosition),
    manageToken,
    manageUrl: manageUrl(siteUrl, booking.id, manageToken),
  }
}
