import type { SessionFormat, Venue } from '@ey/domain'

/** What `venueText` reads of a session, a booking's snapshot or a view of either. */
export interface Whereabouts {
  format: SessionFormat
  venue?: Pick<Venue, 'name' | 'address' | 'postcode'> | undefined
}

/**
 * Where a session happens, in one line, as the emails, the calendar file and the pages write it:
 * the venue with its address and postcode, `Online`, or the venue `, or online` for a hybrid one.
 */
export function venueText({ format, venue }: Whereabouts): string {
  if (format === 'online' || !venue) return 'Online'
  const place = [venue.name, ...venue.address, venue.postcode].join(', ')
  return format === 'hybrid' ? `${place}, or online` : place
}
