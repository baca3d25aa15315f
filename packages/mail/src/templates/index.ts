import type { BookingEmailKind } from '@ey/domain'
import { bookingCancelled } from './booking-cancelled.ts'
import { bookingConfirmed } from './booking-confirmed.ts'
import { bookingPromoted } from './booking-promoted.ts'
import { bookingWaitlisted } from './booking-waitlisted.ts'
import { bookingsList } from './bookings-list.ts'
import type { EmailContext, RenderedEmail, Template } from './content.ts'
import { placeOffered } from './place-offered.ts'
import { render } from './render.ts'
import { sessionCancelled } from './session-cancelled.ts'
import { sessionRescheduled } from './session-rescheduled.ts'

export type { EmailContext, RenderedEmail } from './content.ts'
export { type InterestAlertContext, renderInterestAlert } from './interest-alert.ts'

const TEMPLATES: Record<BookingEmailKind, Template> = {
  'booking-confirmed': bookingConfirmed,
  'booking-waitlisted': bookingWaitlisted,
  'booking-promoted': bookingPromoted,
  'place-offered': placeOffered,
  'booking-cancelled': bookingCancelled,
  'bookings-list': bookingsList,
  'session-cancelled': sessionCancelled,
  'session-rescheduled': sessionRescheduled,
}

/** Renders the email of one kind for one booking: subject, text body and HTML body. */
export function renderEmail(kind: BookingEmailKind, context: EmailContext): RenderedEmail {
  return render(TEMPLATES[kind](context))
}
