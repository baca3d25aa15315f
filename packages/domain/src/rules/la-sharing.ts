import type { Booking, LaSharingEvent } from '../schemas/booking.ts'

/**
 * The version of the privacy notice (`/privacy/`) the site shows and the API records with every
 * answer to "share with your local authority". Change it whenever the notice's text changes, so each
 * recorded agreement names the words the person agreed to.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-03'

/** The answer given on the booking form, as the booking's first entry of its sharing history. */
export function sharingAnswered(agreed: boolean, at: string): LaSharingEvent {
  return { agreed, at, noticeVersion: PRIVACY_NOTICE_VERSION }
}

/**
 * The entry a change of mind adds to the booking's sharing history, or undefined when the booking
 * already says so (agreeing twice, or withdrawing twice, changes nothing and records nothing).
 */
export function sharingChange(booking: Booking, agreed: boolean, now: Date): LaSharingEvent | undefined {
  return booking.person.shareWithLa === agreed ? undefined : sharingAnswered(agreed, now.toISOString())
}

/**
 * Whether the booking is shared with the LA now, and the entry that made it so: the latest one of
 * the history. A booking made before the history was kept has none (its answer has no time).
 */
export function currentSharing(booking: Booking): { agreed: boolean; since?: LaSharingEvent } {
  const latest = booking.laSharing?.at(-1)
  return latest && latest.agreed === booking.person.shareWithLa
    ? { agreed: booking.person.shareWithLa, since: latest }
    : { agreed: booking.person.shareWithLa }
}
