import type { Booking } from '@ey/domain'

/** What an email says, once; `render.ts` turns it into both the text and the HTML body. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'details'; rows: DetailRow[] }
  | { type: 'link'; text: string; href: string }

/** One labelled fact; several values show as a list (the parts of a course). */
export interface DetailRow {
  label: string
  values: string[]
}

export interface EmailContent {
  subject: string
  /** One line that previews the email in inbox lists. */
  preview: string
  blocks: Block[]
}

/** A ready email body in both forms. */
export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

/** What every template is given: the booking, the manage link and, where relevant, a little more. */
export interface EmailContext {
  booking: Booking
  /** The private link to the manage page, token included. */
  manageUrl: string
  /** 1 for the first in line; only for `booking-waitlisted`. */
  waitlistPosition?: number
  /** The online joining link; shown only while the booking holds a confirmed place. */
  joiningUrl?: string
  /**
   * Only for `bookings-list` (every live booking of the person) and `manage-links-renewed` (every
   * booking whose links still work), each with its own manage link.
   */
  bookings?: { booking: Booking; manageUrl: string }[]
}

/** A template: the content of one kind of email. */
export type Template = (context: EmailContext) => EmailContent
