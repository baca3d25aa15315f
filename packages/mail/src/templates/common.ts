import type { Booking } from '@ey/domain'
import { holdsConfirmedPlace, londonPart, venueText } from '@ey/presentation'
import type { Block, DetailRow, EmailContext } from './content.ts'

/**
 * The opening line: fixed words first, so no email from the programme's domain begins with text
 * the booker typed; the name they gave follows only after that sentence.
 */
export function greeting(booking: Booking): Block {
  return {
    type: 'paragraph',
    text: `Hello from the early years SEND training programme. This email is for ${booking.person.name}.`,
  }
}

/** Reference, session, when and where: the facts a person needs to turn up. */
export function bookingDetails(booking: Booking, extra: DetailRow[] = []): Block {
  return {
    type: 'details',
    rows: [
      { label: 'Booking reference', values: [booking.reference] },
      { label: 'Session', values: [booking.session.title] },
      { label: 'When', values: when(booking) },
      { label: 'Where', values: [venueText(booking.session)] },
      ...extra,
    ],
  }
}

function when(booking: Booking): string[] {
  const { parts } = booking.session
  if (parts.length === 1) return parts.map(londonPart)
  return parts.map((part, i) => `Part ${i + 1} of ${parts.length}: ${londonPart(part)}`)
}

/** The joining link, only for someone who holds a confirmed place on a session run online. */
export function joiningLink({ booking, joiningUrl }: EmailContext): Block[] {
  if (!joiningUrl || booking.session.format === 'in-person' || !holdsConfirmedPlace(booking.status)) return []
  return [{ type: 'link', text: 'Join the session online', href: joiningUrl }]
}

/** The link every email carries. */
export function manageLink(context: EmailContext, text = 'View or change your booking'): Block {
  return { type: 'link', text, href: context.manageUrl }
}

/** Closing lines: who wrote, why the person got this email, and that the link is theirs alone. */
export function signOff(): Block[] {
  return [
    { type: 'paragraph', text: 'The early years SEND training team' },
    {
      type: 'paragraph',
      text: 'You are getting this email because this address was used to book a session. The link in this email is private to your booking: please do not share it.',
    },
  ]
}
