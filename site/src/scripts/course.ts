import type { CourseView, MaterialList, SessionPage } from '@ey/contract'
import { ApiProblem, api } from './lib/api.ts'
import { courseAudience } from './lib/course-facts.ts'
import { byId, show } from './lib/dom.ts'
import { plural } from './lib/format.ts'
import { offerInterestAlert } from './lib/interest-alert.ts'
import { materialLine } from './lib/material-items.ts'
import { sessionCard } from './lib/session-card.ts'
import { hasDateSoon } from './lib/session-state.ts'

/** The most dates listed: a course rarely has more within the year the listing covers. */
const MAX_DATES = 100

const loading = byId('loading')

function render(course: CourseView, dates: SessionPage, materials: MaterialList): void {
  document.title = `${course.title} – Early years SEND training`
  byId('title').textContent = course.title
  const partner = byId('partner')
  partner.textContent = `Delivered by ${course.partner.name}`
  partner.hidden = false
  byId('summary').textContent = course.summary
  byId('description').textContent = course.description
  byId('audience').append(courseAudience(course))
  byId('dates').append(...dates.items.map(sessionCard))
  byId('dates-status').textContent =
    dates.items.length === 0
      ? 'There are no dates of this course at the moment.'
      : `${plural(dates.items.length, 'date')}${dates.nextCursor ? ' shown, more to come' : ''}.`
  byId('materials-items').append(...materials.items.map((material) => materialLine(material)))
  byId('materials').hidden = materials.items.length === 0
  show(byId('course'), loading)
  if (!hasDateSoon(dates.items)) offerInterestAlert(course.id)
}

async function main(): Promise<void> {
  const id = new URLSearchParams(location.search).get('id')
  if (!id) return show(byId('not-found'), loading)
  try {
    const query = new URLSearchParams({ course: id, limit: String(MAX_DATES) })
    const [course, dates, materials] = await Promise.all([
      api<CourseView>(`/courses/${encodeURIComponent(id)}`),
      api<SessionPage>(`/sessions?${query}`),
      // The course's public materials: the page stands without them when they cannot be read.
      api<MaterialList>(`/courses/${encodeURIComponent(id)}/materials`).catch(() => ({ items: [] })),
    ])
    render(course, dates, materials)
  } catch (error) {
    const missing = error instanceof ApiProblem && (error.status === 404 || error.status === 400)
    show(byId(missing ? 'not-found' : 'error'), loading)
  }
}

void main()
