import { calendarMethodFor } from '../calendar-method.ts'
import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** The session's dates, times or place changed; the booking stands with the new details. */
export const sessionRescheduled: Template = (context) => {
  const { booking } = context
  const what = `The date, time or place of ${booking.session.title} has changed. These are the new details.`
  return {
    subject: `Session changed: ${booking.session.title}`,
    preview: what,
    blocks: [
      greeting(booking),
      { type: 'paragraph', text: what },
      bookingDetails(booking),
      ...(calendarMethodFor('session-rescheduled', booking) === undefined
        ? []
        : [
            {
              type: 'paragraph' as const,
              text: 'The calendar file attached to this email updates the session in your calendar.',
            },
          ]),
      {
        type: 'paragraph',
        text: 'If you can no longer come, please cancel your booking so that someone else can have your place.',
      },
      manageLink(context),
      ...signOff(),
    ],
  }
}
