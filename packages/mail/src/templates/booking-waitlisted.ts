import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** The session is full: the person waits in line. */
export const bookingWaitlisted: Template = (context) => {
  const { booking, waitlistPosition } = context
  const position =
    waitlistPosition === undefined
      ? []
      : [{ label: 'Your place in the queue', values: [`Number ${waitlistPosition}`] }]
  return {
    subject: `You are on the waiting list: ${booking.session.title}`,
    preview: 'We will email you if a place comes free.',
    blocks: [
      greeting(booking),
      {
        type: 'paragraph',
        text: `${booking.session.title} is full, so you are on the waiting list. You do not have a place yet.`,
      },
      bookingDetails(booking, position),
      {
        type: 'paragraph',
        text: 'If a place comes free, we will email you straight away. You do not need to do anything now.',
      },
      manageLink(context, 'View your booking or leave the waiting list'),
      ...signOff(),
    ],
  }
}
