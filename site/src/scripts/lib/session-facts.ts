import type { SessionView } from '@ey/contract'
import { duration, FORMAT_SHORT_LABELS, labelOf, londonPart } from '@ey/presentation'
import { h, tag } from './dom.ts'
import { plural } from './format.ts'

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
  if (session.parts.length <= 1) return londonPart(session)
  return h(
    'ol',
    { class: 'govuk-list govuk-list--number' },
    ...session.parts.map((part) => h('li', {}, londonPart(part))),
  )
}

/** Length of one part, and how many parts when there are several. */
export function length(session: Pick<SessionView, 'parts' | 'startsAt' | 'endsAt'>): string {
  const first = session.parts[0] ?? session
  const each = duration(first)
  return session.parts.length > 1 ? `${plural(session.parts.length, 'part')}, ${each} each` : each
}

/** The tags that tell a session apart at a glance. */
export function sessionTags(session: SessionView): HTMLElement {
  const tags: HTMLElement[] = [tag(labelOf(FORMAT_SHORT_LABELS, session.format), 'blue')]
  if (session.twilight) tags.push(tag('Twilight', 'purple'))
  if (session.parts.length > 1) tags.push(tag(`${session.parts.length} parts`, 'grey'))
  if (session.status === 'cancelled') tags.push(tag('Cancelled', 'red'))
  else if (session.placesLeft === 0) tags.push(tag('Waiting list', 'orange'))
  else if (session.placesLeft <= 3) tags.push(tag('Few places left', 'yellow'))
  if (session.bespokeLaCodes.length > 0) tags.push(tag('Local to one area', 'teal'))
  return h('ul', { class: 'app-tags' }, ...tags.map((t) => h('li', {}, t)))
}
