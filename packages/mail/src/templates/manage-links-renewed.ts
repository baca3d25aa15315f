import { BOOKING_STATUS_LABELS } from '@ey/presentation'
import { bookingDetails, signOff } from './common.ts'
import type { Block, Template } from './content.ts'

/**
 * "Send me new links": each booking whose links still work, with its new link. It opens with a
 * fixed sentence and names nobody, so nothing the requester typed leads the email.
 */
export const manageLinksRenewed: Template = (context) => {
  const listed = context.bookings ?? [{ booking: context.booking, manageUrl: context.manageUrl }]
  const here =
    listed.length === 1
      ? 'Here is the new link to your booking'
      : `Here are new links to your ${listed.length} bookings`
  return {
    subject: 'New links to your bookings for early years SEND training',
    preview: `${here}. The links we sent before no longer work.`,
    blocks: [
      {
        type: 'paragraph',
        text: `New links to your bookings were asked for on our website. ${here}. The links we sent you before no longer work.`,
      },
      ...listed.flatMap(({ booking, manageUrl }): Block[] => [
        bookingDetails(booking, [{ label: 'Status', values: [BOOKING_STATUS_LABELS[booking.status]] }]),
        { type: 'link', text: `View or change your booking ${booking.reference}`, href: manageUrl },
      ]),
      {
        type: 'paragraph',
        text: 'If you did not ask for new links, you can ignore this email: use the links in it from now on. Someone who had one of your old links can no longer use it.',
      },
      ...signOff(),
    ],
  }
}
