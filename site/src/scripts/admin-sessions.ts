import { type AdminSession, adminApi, showAdminLoadFailure } from './lib/admin-api.ts'
import { byId, h, show, tag } from './lib/dom.ts'
import { when } from './lib/format.ts'
import { showDoneMessage } from './lib/success-banner.ts'

const STATUS: Record<AdminSession['status'], [string, string | undefined]> = {
  draft: ['Draft', 'grey'],
  published: ['Published', 'green'],
  cancelled: ['Cancelled', 'red'],
}

const DONE: Record<string, string> = {
  created: 'Session scheduled',
  saved: 'Session saved',
  cancelled: 'Session cancelled, and everyone booked has been emailed',
  imported: 'Sessions imported',
}

function row(session: AdminSession): HTMLElement {
  const [label, colour] = STATUS[session.status]
  const first = session.parts[0]
  const hidden = (text: string) => h('span', { class: 'govuk-visually-hidden' }, ` ${text}`)
  // One action per line: side by side they would be too small a target on a phone.
  const actions =
    session.status === 'cancelled'
      ? []
      : [
          h(
            'ul',
            { class: 'govuk-list govuk-!-margin-bottom-0' },
            h(
              'li',
              {},
              h(
                'a',
                { class: 'govuk-link', href: `/staff/admin/session/?id=${encodeURIComponent(session.id)}` },
                'Change',
                hidden(session.title),
              ),
            ),
            h(
              'li',
              {},
              h(
                'a',
                { class: 'govuk-link', href: `/staff/admin/cancel/?id=${encodeURIComponent(session.id)}` },
                'Cancel',
                hidden(session.title),
              ),
            ),
          ),
        ]
  return h(
    'tr',
    { class: 'govuk-table__row' },
    h(
      'td',
      { class: 'govuk-table__cell' },
      session.title,
      session.parts.length > 1
        ? h('span', { class: 'govuk-hint govuk-!-margin-bottom-0' }, ` ${session.parts.length} parts`)
        : null,
    ),
    h('td', { class: 'govuk-table__cell' }, first ? when(first.startsAt, first.endsAt) : ''),
    h('td', { class: 'govuk-table__cell' }, tag(label, colour)),
    h(
      'td',
      { class: 'govuk-table__cell' },
      `${session.heldCount} of ${session.capacity}${session.waitingCount ? `, ${session.waitingCount} waiting` : ''}`,
    ),
    h('td', { class: 'govuk-table__cell' }, ...actions),
  )
}

async function main(): Promise<void> {
  showDoneMessage(DONE)
  const loading = byId('loading')
  try {
    const { items } = await adminApi<{ items: AdminSession[] }>('/sessions')
    byId('rows').replaceChildren(...items.map(row))
    byId('none').hidden = items.length > 0
    byId('table').hidden = items.length === 0
    show(byId('sessions'), loading)
  } catch (error) {
    showAdminLoadFailure(error, { hide: [loading] })
  }
}

void main()
