import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** An offered place was not taken up before its deadline, so it went to the next person waiting. */
export const offerExpired: Template = (context) => {
  const { booking } = context
  return {
    subject: `Place no longer held: ${booking.session.title}`,
    preview: 'The place we offered you has gone to the next person waiting.',
    blocks: [
      greeting(booking),
      {
        type: 'paragraph',
        text: `We offered you a place on ${booking.session.title}, but it was not accepted in time, so it has gone to the next person on the waiting list.`,
      },
      {
        type: 'paragraph',
        text: 'You no longer have a place or a place on the waiting list for this session.',
      },
      bookingDetails(booking),
      {
        type: 'paragraph',
        text: 'If you would still like to come, look for the session on our website. If it is full, you can join the waiting list again.',
      },
      manageLink(context, 'View your booking'),
      ...signOff(),
    ],
  }
}
