import { calendarMethodFor } from '../calendar-method.ts'
import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** The organisers cancelled the whole session, and the booking with it. */
export const sessionCancelled: Template = (context) => {
  const { booking } = context
  const what = `We are sorry: ${booking.session.title} has been cancelled by the organisers, so your booking is cancelled too.`
  return {
    subject: `Session cancelled: ${booking.session.title}`,
    preview: what,
    blocks: [
      greeting(booking),
      { type: 'paragraph', text: what },
      bookingDetails(booking),
      ...(calendarMethodFor('session-cancelled', booking) === undefined
        ? []
        : [
            {
              type: 'paragraph' as const,
              text: 'The calendar file attached to this email removes the session from your calendar.',
            },
          ]),
      {
        type: 'paragraph',
        text: 'You do not need to do anything. Look on our website for another date of this course.',
      },
      manageLink(context, 'View your booking'),
      ...signOff(),
    ],
  }
}
