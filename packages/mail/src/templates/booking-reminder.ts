import { londonDate, londonMoment, londonPart, londonTime } from '@ey/presentation'
import { greeting, joiningLink, manageLink, signOff } from './common.ts'
import type { DetailRow, EmailContent, EmailContext } from './content.ts'

/** What a reminder is given: the booking (with its session as it is now) and which part it is of. */
export interface ReminderContext extends EmailContext {
  /** The part the reminder is of, counted from 0. */
  part: number
}

/**
 * A reminder of one part: when it is in London time, and how to get there (the venue with its
 * address and accessibility notes, the joining link, or both for a hybrid session). No calendar
 * file: the booking's confirmation carried one.
 */
export function bookingReminder(context: ReminderContext): EmailContent {
  const { booking, part } = context
  const { title, parts, format, venue } = booking.session
  const when = parts[part] ?? { startsAt: '', endsAt: '' }
  const which = parts.length > 1 ? `part ${part + 1} of ${parts.length}` : undefined
  const place: DetailRow[] =
    format === 'online' || !venue
      ? [{ label: 'Where', values: ['Online'] }]
      : [
          { label: 'Where', values: [venue.name, ...venue.address, venue.postcode] },
          ...(venue.accessibility ? [{ label: 'Accessibility', values: [venue.accessibility] }] : []),
          ...(format === 'hybrid' ? [{ label: 'Or online', values: ['Join with the link below'] }] : []),
        ]
  return {
    subject: `Reminder: ${title}${which ? ` (${which})` : ''}, ${londonDate(when.startsAt)} at ${londonTime(when.startsAt)}`,
    preview: `It starts at ${londonMoment(when.startsAt)}.`,
    blocks: [
      greeting(booking),
      {
        type: 'paragraph',
        text: `A reminder of your place on ${title}.${which ? ` This is ${which}.` : ''}`,
      },
      {
        type: 'details',
        rows: [
          { label: 'Booking reference', values: [booking.reference] },
          { label: 'Session', values: [title] },
          ...(parts.length > 1 ? [{ label: 'Part', values: [`${part + 1} of ${parts.length}`] }] : []),
          { label: 'When', values: [londonPart(when)] },
          ...place,
        ],
      },
      ...joiningLink(context),
      {
        type: 'paragraph',
        text: 'If you can no longer come, please cancel your booking so that someone on the waiting list can have your place.',
      },
      manageLink(context),
      ...signOff(),
    ],
  }
}
