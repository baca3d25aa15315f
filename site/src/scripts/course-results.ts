import type { CourseView, ResultsView } from '@ey/contract'
import { showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem, api } from './lib/api.ts'
import { byId, show } from './lib/dom.ts'
import { resultsSections } from './lib/results-view.ts'
import { staffApi } from './staff-client.ts'

const DAY_MS = 86_400_000
/** The period shown when none is chosen: about the last two terms. */
const DEFAULT_DAYS = 182

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
const params = new URLSearchParams(location.search)
const courseId = params.get('course') ?? ''
const to = params.get('to') || londonDay.format(new Date())
const from = params.get('from') || londonDay.format(new Date(Date.now() - DEFAULT_DAYS * DAY_MS))

async function main(): Promise<void> {
  const loading = byId('loading')
  byId<HTMLInputElement>('course').value = courseId
  byId<HTMLInputElement>('from').value = from
  byId<HTMLInputElement>('to').value = to
  try {
    const [view, course] = await Promise.all([
      staffApi<ResultsView>(`/staff/results?${new URLSearchParams({ courseId, from, to })}`),
      api<CourseView>(`/courses/${encodeURIComponent(courseId)}`),
    ])
    const caption = byId('caption')
    caption.textContent = course.title
    caption.hidden = false
    document.title = `Results of ${course.title} – Early years SEND training`
    byId('summary').textContent =
      view.sessions === 1 ? '1 session in this period.' : `${view.sessions} sessions in this period.`
    byId('sections').replaceChildren(...resultsSections(view))
    show(byId('results'), loading)
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) {
      byId('error-text').textContent = error.errors[0]?.message ?? error.message
      show(byId('error'), loading)
      return
    }
    showAdminLoadFailure(error, { notFound: 'There is no such course.', hide: [loading] })
  }
}

void main()
