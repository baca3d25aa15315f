import { bookingDetails, greeting, joiningLink, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** The place is booked. */
export const bookingConfirmed: Template = (context) => {
  const { booking } = context
  return {
    subject: `Booking confirmed: ${booking.session.title}`,
    preview: `Your booking reference is ${booking.reference}.`,
    blocks: [
      greeting(booking),
      { type: 'paragraph', text: `Your place on ${booking.session.title} is booked.` },
      bookingDetails(booking),
      ...joiningLink(context),
      {
        type: 'paragraph',
        text: 'The calendar file attached to this email adds the session to your calendar.',
      },
      {
        type: 'paragraph',
        text: 'If you can no longer come, please cancel your booking so that someone on the waiting list can have your place.',
      },
      manageLink(context),
      ...signOff(),
    ],
  }
}
