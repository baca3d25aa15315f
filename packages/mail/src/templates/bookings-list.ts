import type { Booking } from '@ey/domain'
import { BOOKING_STATUS_LABELS, londonMoment } from '@ey/presentation'
import { bookingDetails, greeting, signOff } from './common.ts'
import type { Block, Template } from './content.ts'

/** A listed (so live) booking's status: any confirmed place, attended or not yet, reads "Confirmed". */
function status(booking: Booking): string {
  switch (booking.status) {
    case 'waiting':
      return BOOKING_STATUS_LABELS.waiting
    case 'offered':
      return booking.offerExpiresAt
        ? `A place is offered to you until ${londonMoment(booking.offerExpiresAt)}`
        : 'A place is offered to you'
    default:
      return BOOKING_STATUS_LABELS.confirmed
  }
}

/** "Find my bookings": each live booking with its own private link. */
export const bookingsList: Template = (context) => {
  const listed = context.bookings ?? [{ booking: context.booking, manageUrl: context.manageUrl }]
  const here = listed.length === 1 ? 'Here is your booking' : `Here are your ${listed.length} bookings`
  return {
    subject: 'Your bookings for early years SEND training',
    preview: `${here}, each with its private link.`,
    blocks: [
      greeting(context.booking),
      {
        type: 'paragraph',
        text: `You asked for a list of your bookings. ${here}, each with its own private link to see, change or cancel it.`,
      },
      ...listed.flatMap(({ booking, manageUrl }): Block[] => [
        bookingDetails(booking, [{ label: 'Status', values: [status(booking)] }]),
        { type: 'link', text: `View or change your booking ${booking.reference}`, href: manageUrl },
      ]),
      {
        type: 'paragraph',
        text: 'If you did not ask for this list, you can ignore this email: the links only work for someone who has it.',
      },
      ...signOff(),
    ],
  }
}
