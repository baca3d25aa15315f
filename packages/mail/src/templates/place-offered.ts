import { londonMoment } from '@ey/presentation'
import { bookingDetails, greeting, manageLink, signOff } from './common.ts'
import type { Template } from './content.ts'

/** A place came free close to the start: it is held for the person for a limited time. */
export const placeOffered: Template = (context) => {
  const { booking } = context
  const deadline = booking.offerExpiresAt ? londonMoment(booking.offerExpiresAt) : undefined
  const held = deadline
    ? `We are holding it for you until ${deadline}.`
    : 'We are holding it for you for a short time.'
  return {
    subject: `Place available on ${booking.session.title}${deadline ? ` – reply by ${deadline}` : ''}`,
    preview: deadline ? `Accept the place by ${deadline}.` : 'Accept the place soon.',
    blocks: [
      greeting(booking),
      { type: 'paragraph', text: `A place has come free on ${booking.session.title}. ${held}` },
      bookingDetails(booking, deadline ? [{ label: 'Reply by', values: [deadline] }] : []),
      {
        type: 'paragraph',
        text: 'To take the place, open your booking and choose "Accept the place". If you cannot come, choose "Decline" so that the next person waiting can have it.',
      },
      {
        type: 'paragraph',
        text: 'If you do not reply in time, the place will be offered to the next person on the waiting list.',
      },
      manageLink(context, 'Accept or decline the place'),
      ...signOff(),
    ],
  }
}
