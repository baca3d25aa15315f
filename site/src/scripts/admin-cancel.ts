import type { AdminSession } from '@ey/contract'
import { londonPart } from '@ey/presentation'
import { showAdminLoadFailure } from './lib/admin-page.ts'
import { byId, h, show, summaryList } from './lib/dom.ts'
import { staffApi } from './staff-client.ts'

const id = new URLSearchParams(location.search).get('id') ?? ''
const path = `/admin/sessions/${encodeURIComponent(id)}`

function fail(error: unknown): void {
  showAdminLoadFailure(error, {
    notFound: 'There is no such session.',
    hide: [byId('loading'), byId('confirm')],
  })
}

async function cancel(button: HTMLButtonElement): Promise<void> {
  button.disabled = true
  try {
    await staffApi(`${path}/cancel`, { method: 'POST' })
    location.assign('/staff/admin/?done=cancelled')
  } catch (error) {
    button.disabled = false
    fail(error)
  }
}

async function main(): Promise<void> {
  try {
    const session = await staffApi<AdminSession>(path)
    if (session.status === 'cancelled') {
      byId('error-text').textContent = 'This session is already cancelled.'
      show(byId('error'), byId('loading'))
      return
    }
    byId('facts').replaceChildren(
      summaryList([
        ['Session', session.title],
        [
          'When',
          session.parts.map((part) =>
            h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, londonPart(part)),
          ),
        ],
        ['Booked', `${session.heldCount} of ${session.capacity}`],
        ['Waiting list', String(session.waitingCount)],
      ]),
    )
    const people = session.heldCount + session.waitingCount
    byId('warning-text').textContent =
      people === 0
        ? 'Nobody has booked yet. The session will no longer be listed and cannot be booked.'
        : `Every booking and place on the waiting list (${people} ${people === 1 ? 'person' : 'people'}) will be cancelled, and each person emailed. This cannot be undone.`
    const button = byId<HTMLButtonElement>('cancel-session')
    button.addEventListener('click', () => void cancel(button))
    show(byId('confirm'), byId('loading'))
  } catch (error) {
    fail(error)
  }
}

void main()
