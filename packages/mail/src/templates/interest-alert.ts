import { type Session, sessionStart } from '@ey/domain'
import { FORMAT_SHORT_LABELS, labelOf, londonDate, londonPart, venueText } from '@ey/presentation'
import type { EmailContent, RenderedEmail } from './content.ts'
import { render } from './render.ts'

/** What an alert email tells: the new session, where the person said they could go, and the links. */
export interface InterestAlertContext {
  session: Session
  courseTitle: string
  /** Where the person said they could go, in words: `in person in Leeds`, `online`. */
  where: string
  /** The session's page, where it is booked. */
  sessionUrl: string
  /** The page that stops the alert, token included. */
  stopUrl: string
}

/** The one email of an interest alert: a new session of the course, where the person can go. */
export function interestAlertContent(context: InterestAlertContext): EmailContent {
  const { session, courseTitle, where } = context
  const { parts } = session
  const when =
    parts.length === 1
      ? parts.map(londonPart)
      : parts.map((part, i) => `Part ${i + 1} of ${parts.length}: ${londonPart(part)}`)
  return {
    subject: `New date: ${session.title}`,
    preview: `A new date of ${courseTitle}, ${where}: ${londonDate(sessionStart(session))}.`,
    blocks: [
      { type: 'paragraph', text: 'Hello,' },
      {
        type: 'paragraph',
        text: `You asked us to email you when there was a new date of ${courseTitle} ${where}. There is one now:`,
      },
      {
        type: 'details',
        rows: [
          { label: 'Session', values: [session.title] },
          { label: 'When', values: when },
          { label: 'Format', values: [labelOf(FORMAT_SHORT_LABELS, session.format)] },
          { label: 'Where', values: [venueText(session)] },
        ],
      },
      { type: 'link', text: 'See the session and book a place', href: context.sessionUrl },
      {
        type: 'paragraph',
        text: 'This is the only email this alert sends. If you did not ask for it, you can stop the alert: you do not need to sign in.',
      },
      { type: 'link', text: 'Stop this alert', href: context.stopUrl },
      { type: 'paragraph', text: 'The early years SEND training team' },
      {
        type: 'paragraph',
        text: `You are getting this email because this address asked on our website to hear about new dates of ${courseTitle}.`,
      },
    ],
  }
}

/** Renders the alert email: subject, text body and HTML body. */
export function renderInterestAlert(context: InterestAlertContext): RenderedEmail {
  return render(interestAlertContent(context))
}
