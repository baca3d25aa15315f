import type { SessionView } from '@ey/contract'
import { venueText } from '@ey/presentation'
import { h, summaryList } from './dom.ts'
import { length, places, schedule, sessionTags } from './session-facts.ts'

/** A session in a list of results: its title linking to its page, its tags, when, where and places. */
export function sessionCard(session: SessionView): HTMLElement {
  return h(
    'li',
    { class: 'govuk-summary-card app-results__item' },
    h(
      'div',
      { class: 'govuk-summary-card__title-wrapper' },
      h(
        'h3',
        { class: 'govuk-summary-card__title' },
        h(
          'a',
          { class: 'govuk-link', href: `/session/?id=${encodeURIComponent(session.id)}` },
          session.title,
        ),
      ),
    ),
    h(
      'div',
      { class: 'govuk-summary-card__content' },
      sessionTags(session),
      summaryList([
        ['When', schedule(session)],
        ['Length', length(session)],
        ['Where', venueText(session)],
        ['Places', places(session)],
      ]),
    ),
  )
}
