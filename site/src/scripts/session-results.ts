import type { ResultsView, SessionView } from '@ey/contract'
import { londonPart } from '@ey/presentation'
import { ApiProblem, api } from './lib/api.ts'
import { byId, h, show } from './lib/dom.ts'
import { resultsSections } from './lib/results-view.ts'
import { staffApi } from './staff-client.ts'

const sessionId = new URLSearchParams(location.search).get('id') ?? ''

/** Why the results are not shown, in words a trainer can act on. */
function refusal(error: unknown): (Node | string)[] | undefined {
  if (!(error instanceof ApiProblem)) return undefined
  const signIn = h('a', { class: 'govuk-link', href: '/staff/' }, 'Go to staff sign-in')
  if (error.status === 401) return ['Sign in to see these results. ', signIn]
  if (error.status === 403) {
    return [
      'You cannot see these results. Only the trainers of this session and administrators can see them.',
    ]
  }
  if (error.status === 404 || error.status === 400) return ['There is no such session.']
  return undefined
}

async function main(): Promise<void> {
  const loading = byId('loading')
  try {
    const [view, session] = await Promise.all([
      staffApi<ResultsView>(`/staff/results?${new URLSearchParams({ sessionId })}`),
      // Only for the heading: a session no longer public still has its results.
      api<SessionView>(`/sessions/${encodeURIComponent(sessionId)}`).catch(() => undefined),
    ])
    if (session) {
      const caption = byId('caption')
      caption.textContent = session.title
      caption.hidden = false
      document.title = `Results of ${session.title} – Early years SEND training`
      byId('summary').textContent = session.parts.map((part) => londonPart(part)).join('; ')
    }
    byId('sections').replaceChildren(...resultsSections(view))
    show(byId('results'), loading)
  } catch (error) {
    const words = refusal(error)
    if (words) byId('error-text').replaceChildren(...words)
    show(byId('error'), loading)
  }
}

void main()
