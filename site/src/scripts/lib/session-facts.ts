import type { SessionView } from '@ey/contract'
import { h, tag } from './dom.ts'
import { duration, plural, when } from './format.ts'

const FORMATS: Record<string, string> = { online: 'Online', 'in-person': 'In person', hybrid: 'Hybrid' }

/** Where to go: the venue, "Online", or both for a hybrid session. */
export function where(session: Pick<SessionView, 'format' | 'venue'>): string {
  const { format, venue } = session
  if (format === 'online' || !venue) return 'Online'
  const place = [venue.name, ...venue.address, venue.postcode].join(', ')
  return format === 'hybrid' ? `${place}, or online` : place
}

/** Places left, or the waiting list when the session is full. */
export function places(session: SessionView): string {
  if (session.placesLeft > 0) return `${plural(session.placesLeft, 'place')} left`
  const waiting = session.waitlistLength
  return waiting > 0
    ? `Full: waiting list (${plural(waiting, 'person', 'people')} waiting)`
    : 'Full: waiting list'
}

/** The date and time of each part, or of the one session. */
export function schedule(session: Pick<SessionView, 'parts' | 'startsAt' | 'endsAt'>): HTMLElement | string {
  if (session.parts.length <= 1) return when(session.startsAt, session.endsAt)
  return h(
    'ol',
    { class: 'govuk-list govuk-list--number' },
    ...session.parts.map((part) => h('li', {}, when(part.startsAt, part.endsAt))),
  )
}

/** Length of one part, and how many parts when there are several. */
export function length(session: Pick<SessionView, 'parts' | 'startsAt' | 'endsAt'>): string {
  const first = session.parts[0] ?? session
  const each = duration(first.startsAt, first.endsAt)
  return session.parts.length > 1 ? `${plural(session.parts.length, 'part')}, ${each} each` : each
}

export function formatName(format: string): string {
  return FORMATS[format] ?? format
}

/** The tags that tell a session apart at a glance. */
export function sessionTags(session: SessionView): HTMLElement {
  const tags: HTMLElement[] = [tag(formatName(session.format), 'blue')]
  if (session.twilight) tags.push(tag('Twilight', 'purple'))
  if (session.parts.length > 1) tags.push(tag(`${session.parts.length} parts`, 'grey'))
  if (session.status === 'cancelled') tags.push(tag('Cancelled', 'red'))
  else if (session.placesLeft === 0) tags.push(tag('Waiting list', 'orange'))
  else if (session.placesLeft <= 3) tags.push(tag('Few places left', 'yellow'))
  if (session.bespokeLaCodes.length > 0) tags.push(tag('Local to one area', 'teal'))
  return h('ul', { class: 'app-tags' }, ...tags.map((t) => h('li', {}, t)))
}
