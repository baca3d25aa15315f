import type { DigestPart, TrainerDigest } from '@ey/domain'
import { londonDate, londonTime, registerUrl, trainerSessionsUrl, venueText } from '@ey/presentation'
import type { Block, EmailContent } from './content.ts'

/** One part: what it is, when and where, how many are coming, and what they need. */
function partBlocks(siteUrl: string, { session, part, booked, waiting, accessNeeds }: DigestPart): Block[] {
  const { startsAt, endsAt } = session.parts[part] ?? { startsAt: '', endsAt: '' }
  const count = session.parts.length
  const joining =
    session.format !== 'in-person' && session.joiningUrl
      ? [{ type: 'link' as const, text: `Joining link for ${session.title}`, href: session.joiningUrl }]
      : []
  return [
    {
      type: 'details',
      rows: [
        {
          label: 'Session',
          values: [count > 1 ? `${session.title}, part ${part + 1} of ${count}` : session.title],
        },
        { label: 'Time', values: [`${londonTime(startsAt)} to ${londonTime(endsAt)}`] },
        { label: 'Where', values: [venueText(session)] },
        { label: 'Booked', values: [String(booked)] },
        { label: 'Waiting list', values: [String(waiting)] },
        {
          label: 'Access needs',
          values:
            accessNeeds.length > 0
              ? accessNeeds.map(({ name, needs }) => `${name}: ${needs}`)
              : ['None given'],
        },
      ],
    },
    ...joining,
    {
      type: 'link',
      text: `Open the register of ${session.title}`,
      href: registerUrl(siteUrl, session.id, part),
    },
  ]
}

/**
 * A trainer's parts of one day, sent the morning before: numbers booked and waiting, and the access
 * needs people wrote, so the trainer can prepare. Names appear only beside access needs, as on the
 * register the trainer already sees; no other personal data does.
 */
export function trainerDigest(digest: TrainerDigest, siteUrl: string): EmailContent {
  const day = londonDate(`${digest.date}T12:00:00Z`)
  const one = digest.parts.length === 1
  const sessions = one ? 'session' : 'sessions'
  return {
    subject: `Your ${sessions} on ${day}`,
    preview: `${digest.parts.length} ${sessions} to run, with numbers and access needs.`,
    blocks: [
      { type: 'paragraph', text: `Hello ${digest.trainer.name},` },
      {
        type: 'paragraph',
        text: `${one ? 'This is the session' : 'These are the sessions'} you are running on ${day}, with the numbers as they stand now.`,
      },
      ...digest.parts.flatMap((part) => partBlocks(siteUrl, part)),
      { type: 'link', text: 'All your sessions', href: trainerSessionsUrl(siteUrl) },
      { type: 'paragraph', text: 'The early years SEND training team' },
      {
        type: 'paragraph',
        text: `You are getting this email because you are a trainer on ${one ? 'this session' : 'these sessions'}. The access needs in it were given in confidence: please keep them to yourself.`,
      },
    ],
  }
}
