import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/**
 * Someone booked, with this address, a session the address already holds a booking of. No second
 * booking was made; the person gets their existing booking's link, and only here, in the inbox of
 * the address: the booking page answered the same as for a new booking.
 */
export const bookingExists: Template = (context) => {
  const { booking } = context
  return {
    subject: `You have already booked: ${booking.session.title}`,
    preview: `Your booking reference is ${booking.reference}. No second booking was made.`,
    blocks: [
      greeting(booking),
      {
        type: 'paragraph',
        text: `We received a booking for ${booking.session.title} with this email address, which already has a booking for it. We have not made a second booking.`,
      },
      bookingDetails(booking),
      manageLink(context, 'View, change or cancel your booking'),
      {
        type: 'paragraph',
        text: 'If you did not just book, you can ignore this email: nothing has changed.',
      },
      ...signOff(),
    ],
  }
}
