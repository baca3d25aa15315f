import type { MySessionsView, TrainerSessionView } from '@ey/contract'
import { FORMAT_SHORT_LABELS, londonPart, registerUrl, sessionResultsUrl } from '@ey/presentation'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show, tag } from './lib/dom.ts'
import { staffApi } from './staff-client.ts'

function card(session: TrainerSessionView): HTMLElement {
  const parts = session.parts.length
  return h(
    'div',
    { class: 'govuk-summary-card' },
    h(
      'div',
      { class: 'govuk-summary-card__title-wrapper' },
      h('h3', { class: 'govuk-summary-card__title' }, session.title),
      session.status === 'cancelled' ? tag('Cancelled', 'red') : null,
    ),
    h(
      'div',
      { class: 'govuk-summary-card__content' },
      h('p', { class: 'govuk-body' }, londonPart(session)),
      h(
        'p',
        { class: 'govuk-body' },
        `${FORMAT_SHORT_LABELS[session.format]}${session.venueName ? `, ${session.venueName}` : ''}. ${session.heldCount} booked of ${session.capacity}${session.waitingCount ? `, ${session.waitingCount} waiting` : ''}.`,
      ),
      h(
        'ul',
        { class: 'govuk-list' },
        ...session.parts.map((part, index) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                class: 'govuk-link',
                href: registerUrl('', session.id, index),
              },
              parts > 1 ? `Register for part ${index + 1} (${londonPart(part)})` : 'Open the register',
              h('span', { class: 'govuk-visually-hidden' }, ` of ${session.title}`),
            ),
          ),
        ),
        h(
          'li',
          {},
          h(
            'a',
            { class: 'govuk-link', href: sessionResultsUrl('', session.id) },
            'See the questionnaire results',
            h('span', { class: 'govuk-visually-hidden' }, ` of ${session.title}`),
          ),
        ),
      ),
    ),
  )
}

function list(sessions: TrainerSessionView[], none: string): HTMLElement[] {
  return sessions.length > 0 ? sessions.map(card) : [h('p', { class: 'govuk-body' }, none)]
}

async function main(): Promise<void> {
  const loading = byId('loading')
  try {
    const { upcoming, past } = await staffApi<MySessionsView>('/trainer/sessions')
    byId('upcoming').replaceChildren(...list(upcoming, 'You have no upcoming sessions.'))
    byId('past').replaceChildren(...list(past, 'You have no past sessions.'))
    show(byId('sessions'), loading)
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) {
      byId('error-text').replaceChildren(
        error.status === 401
          ? 'Sign in to see your sessions. '
          : 'Your account cannot see trainers’ sessions. ',
        h('a', { class: 'govuk-link', href: '/staff/' }, 'Go to staff sign-in'),
      )
    }
    show(byId('error'), loading)
  }
}

void main()
