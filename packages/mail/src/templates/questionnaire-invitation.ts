import type { SessionPart } from '@ey/domain'
import { londonDates, londonMoment } from '@ey/presentation'
import type { Block, EmailContent } from './content.ts'

/** What an invitation to a questionnaire shows: none of it typed by the person invited. */
export interface InvitationEmailData {
  /** The session's title, as administrators wrote it. */
  title: string
  parts: readonly SessionPart[]
  /** The private link straight to the questionnaire, token included. */
  questionnaireUrl: string
  /** When the questionnaire closes. */
  closesAt: Date | string
  /** The private link to the booking's page. */
  manageUrl: string
}

/** The pre questionnaire, when the place is confirmed. */
export function preInvitation(data: InvitationEmailData): EmailContent {
  return {
    subject: `A questionnaire before ${data.title}`,
    preview: 'Two minutes before your training: how confident you feel now, and what you hope to learn.',
    blocks: [
      { type: 'paragraph', text: `You have a place on ${data.title}, on ${londonDates(data.parts)}.` },
      {
        type: 'paragraph',
        text: 'Before it starts, please answer a short questionnaire: how confident you feel now about the topic, and what you hope to learn. It takes about 2 minutes, and helps the trainers and shows what the training changes.',
      },
      ...questionnaireLink(data, 'Answer the questionnaire before your training'),
      ...closing(data),
    ],
  }
}

/** The reminder of the pre questionnaire, 2 days before the first part, when it is still unanswered. */
export function preReminderInvitation(data: InvitationEmailData): EmailContent {
  return {
    subject: `Reminder: a questionnaire before ${data.title}`,
    preview: `The questionnaire closes at ${londonMoment(data.closesAt)}.`,
    blocks: [
      {
        type: 'paragraph',
        text: `Your training, ${data.title}, starts at ${londonMoment(data.closesAt)}.`,
      },
      {
        type: 'paragraph',
        text: 'You have not yet answered the short questionnaire before it. If you have 2 minutes, please tell us how confident you feel now and what you hope to learn.',
      },
      ...questionnaireLink(data, 'Answer the questionnaire before your training'),
      ...closing(data),
    ],
  }
}

/** The follow-up questionnaire, when its window opens, to someone who attended. */
export function followUpInvitation(data: InvitationEmailData): EmailContent {
  return {
    subject: `How has it gone since ${data.title}?`,
    preview: 'A last short questionnaire: what you have used, and what changed for the children.',
    blocks: [
      { type: 'paragraph', text: `You came to ${data.title} on ${londonDates(data.parts)}.` },
      {
        type: 'paragraph',
        text: 'Please answer a last short questionnaire: whether you have used what you learnt, what changed for the children, and how confident you feel now. It takes about 2 minutes.',
      },
      ...questionnaireLink(data, 'Answer the follow-up questionnaire'),
      ...closing(data),
    ],
  }
}

/** The link to the questionnaire, then when it closes. */
export function questionnaireLink(data: InvitationEmailData, text: string): Block[] {
  return [
    { type: 'link', text, href: data.questionnaireUrl },
    { type: 'paragraph', text: `The questionnaire closes at ${londonMoment(data.closesAt)}.` },
  ]
}

/** The booking's page, who wrote, and why the person got this email. */
export function closing(data: InvitationEmailData): Block[] {
  return [
    { type: 'link', text: 'View your booking', href: data.manageUrl },
    { type: 'paragraph', text: 'The early years SEND training team' },
    {
      type: 'paragraph',
      text: 'You are getting this email because this address was used to book a session. The links in this email are private to your booking: please do not share them.',
    },
  ]
}
