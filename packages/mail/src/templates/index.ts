import type { BookingEmailKind, TrainerDigest } from '@ey/domain'
import { bookingCancelled } from './booking-cancelled.ts'
import { bookingConfirmed } from './booking-confirmed.ts'
import { bookingExists } from './booking-exists.ts'
import { bookingPromoted } from './booking-promoted.ts'
import { bookingReminder, type ReminderContext } from './booking-reminder.ts'
import { bookingWaitlisted } from './booking-waitlisted.ts'
import { bookingsList } from './bookings-list.ts'
import type { EmailContext, RenderedEmail, Template } from './content.ts'
import { manageLinksRenewed } from './manage-links-renewed.ts'
import { offerExpired } from './offer-expired.ts'
import { placeOffered } from './place-offered.ts'
import { type PostSessionEmailData, postSessionEmail } from './post-session.ts'
import {
  followUpInvitation,
  type InvitationEmailData,
  preInvitation,
  preReminderInvitation,
} from './questionnaire-invitation.ts'
import { render } from './render.ts'
import { sessionCancelled } from './session-cancelled.ts'
import { sessionRescheduled } from './session-rescheduled.ts'
import { trainerDigest } from './trainer-digest.ts'

export type { ReminderContext } from './booking-reminder.ts'
export type { EmailContext, RenderedEmail } from './content.ts'
export { type InterestAlertContext, renderInterestAlert } from './interest-alert.ts'
export type { PostEmailCertificate, PostSessionEmailData } from './post-session.ts'
export type { InvitationEmailData } from './questionnaire-invitation.ts'

const TEMPLATES: Record<BookingEmailKind, Template> = {
  'booking-confirmed': bookingConfirmed,
  'booking-waitlisted': bookingWaitlisted,
  'booking-promoted': bookingPromoted,
  'place-offered': placeOffered,
  'offer-expired': offerExpired,
  'booking-cancelled': bookingCancelled,
  'bookings-list': bookingsList,
  'session-cancelled': sessionCancelled,
  'session-rescheduled': sessionRescheduled,
  'booking-exists': bookingExists,
  'manage-links-renewed': manageLinksRenewed,
}

/** Renders the email of one kind for one booking: subject, text body and HTML body. */
export function renderEmail(kind: BookingEmailKind, context: EmailContext): RenderedEmail {
  return render(TEMPLATES[kind](context))
}

/** Renders the reminder of one part of a booked session. */
export function renderBookingReminder(context: ReminderContext): RenderedEmail {
  return render(bookingReminder(context))
}

/** Renders a trainer's digest of one day; links point into `siteUrl`. */
export function renderTrainerDigest(digest: TrainerDigest, siteUrl: string): RenderedEmail {
  return render(trainerDigest(digest, siteUrl))
}

/** What one invitation shows: the post email's data carries its certificate too. */
export type InvitationEmail =
  | { kind: 'pre' | 'pre-reminder' | 'follow-up'; data: InvitationEmailData }
  | { kind: 'post'; data: PostSessionEmailData }

/** Renders an invitation to a questionnaire (the post one with the certificate). */
export function renderInvitation(email: InvitationEmail): RenderedEmail {
  switch (email.kind) {
    case 'pre':
      return render(preInvitation(email.data))
    case 'pre-reminder':
      return render(preReminderInvitation(email.data))
    case 'follow-up':
      return render(followUpInvitation(email.data))
    case 'post':
      return render(postSessionEmail(email.data))
  }
}
