import type { CourseView, SessionView } from '@ey/contract'
import { FORMAT_SHORT_LABELS, labelOf, londonDate, londonTime, venueText } from '@ey/presentation'
import { ApiProblem, api } from './lib/api.ts'
import { courseAudience } from './lib/course-facts.ts'
import { byId, h, show, summaryList } from './lib/dom.ts'
import { offerInterestAlert } from './lib/interest-alert.ts'
import { laName } from './lib/la-names.ts'
import { length, places, schedule, sessionTags } from './lib/session-facts.ts'
import { bookingCall, isFullAhead } from './lib/session-state.ts'

const loading = byId('loading')
const content = byId('session')

function callToAction(session: SessionView): HTMLElement {
  const call = bookingCall(session)
  return h(
    'div',
    {},
    call.text && h('p', { class: 'govuk-body' }, call.text),
    call.action &&
      h(
        'a',
        {
          class: 'govuk-button govuk-button--start',
          href: call.action.href,
          role: 'button',
          draggable: 'false',
        },
        call.action.label,
      ),
  )
}

function render(session: SessionView, course: CourseView | undefined): void {
  document.title = `${session.title} – Early years SEND training`
  byId('title').textContent = session.title
  if (course?.partner.name) {
    const partner = byId('partner')
    partner.textContent = `Delivered by ${course.partner.name}`
    partner.hidden = false
  }
  byId('tags').append(sessionTags(session))
  byId('summary').textContent = course?.summary ?? ''
  byId('description').textContent = course?.description ?? ''
  byId('booking-call').append(callToAction(session))
  const multiPart = session.parts.length > 1
  byId('when-where').append(
    summaryList([
      [multiPart ? 'Dates' : 'Date and time', schedule(session)],
      ['Length', length(session)],
      ['Format', labelOf(FORMAT_SHORT_LABELS, session.format)],
      ['Where', venueText(session)],
      ['Places', places(session)],
      [
        'Bookings close',
        session.bookable
          ? `${londonDate(session.bookingClosesAt)} at ${londonTime(session.bookingClosesAt)}`
          : undefined,
      ],
      [
        'Open to',
        session.bespokeLaCodes.length > 0
          ? `Only people whose setting is in ${session.bespokeLaCodes.map(laName).join(', ')}`
          : undefined,
      ],
    ]),
    ...(multiPart
      ? [
          h(
            'p',
            { class: 'govuk-body' },
            `One booking covers all ${session.parts.length} parts. To complete the course, attend every part.`,
          ),
        ]
      : []),
  )
  if (session.venue?.accessibility && session.format !== 'online') {
    byId('venue-access-text').textContent = session.venue.accessibility
    byId('venue-access').hidden = false
  }
  if (course) byId('audience').append(courseAudience(course))
  byId<HTMLAnchorElement>('course-link').href = `/course/?id=${encodeURIComponent(session.courseId)}`
  show(content, loading)
  if (isFullAhead(session)) offerInterestAlert(session.courseId)
}

async function main(): Promise<void> {
  const id = new URLSearchParams(location.search).get('id')
  if (!id) return show(byId('not-found'), loading)
  try {
    const session = await api<SessionView>(`/sessions/${encodeURIComponent(id)}`)
    const course = await api<CourseView>(`/courses/${encodeURIComponent(session.courseId)}`).catch(
      () => undefined,
    )
    render(session, course)
  } catch (error) {
    const missing = error instanceof ApiProblem && (error.status === 404 || error.status === 400)
    show(byId(missing ? 'not-found' : 'error'), loading)
  }
}

void main()
