import { bookingDetails, greeting, joiningLink, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** A place came free and went straight to the person waiting. */
export const bookingPromoted: Template = (context) => {
  const { booking } = context
  return {
    subject: `A place has come free: you are booked on ${booking.session.title}`,
    preview: `You now have a place. Your booking reference is ${booking.reference}.`,
    blocks: [
      greeting(booking),
      {
        type: 'paragraph',
        text: `Good news: a place has come free on ${booking.session.title} and it is yours. You do not need to do anything to accept it.`,
      },
      bookingDetails(booking),
      ...joiningLink(context),
      {
        type: 'paragraph',
        text: 'The calendar file attached to this email adds the session to your calendar.',
      },
      {
        type: 'paragraph',
        text: 'If you can no longer come, please cancel your booking so that the next person waiting can have the place.',
      },
      manageLink(context),
      ...signOff(),
    ],
  }
}
