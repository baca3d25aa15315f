import { calendarMethodFor } from '../calendar-method.ts'
import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** The booking, or the place on the waiting list, has ended. */
export const bookingCancelled: Template = (context) => {
  const { booking } = context
  const wasWaiting = booking.history.at(-1)?.from === 'waiting'
  const what = wasWaiting
    ? `You are no longer on the waiting list for ${booking.session.title}.`
    : `Your booking for ${booking.session.title} is cancelled.`
  return {
    subject: `Booking cancelled: ${booking.session.title}`,
    preview: what,
    blocks: [
      greeting(booking),
      { type: 'paragraph', text: what },
      bookingDetails(booking),
      ...(calendarMethodFor('booking-cancelled', booking) === undefined
        ? []
        : [
            {
              type: 'paragraph' as const,
              text: 'The calendar file attached to this email removes the session from your calendar.',
            },
          ]),
      {
        type: 'paragraph',
        text: 'If you did not expect this, or would like to book again, look for the session on our website.',
      },
      manageLink(context, 'View your booking'),
      ...signOff(),
    ],
  }
}
