import type { BookingView, MoveOptions, NewBookingView } from '@ey/contract'
import {
  holdsConfirmedPlace,
  isCancellable,
  londonMoment,
  londonPart,
  manageUrl,
  type PublicBookingStatus,
  statusLabel,
  venueText,
} from '@ey/presentation'
import { ApiProblem, api, bearer } from './lib/api.ts'
import { showAttendance } from './lib/attendance.ts'
import { type BookingKey, bookingKey, changeBooking, downloadCalendar, loadBooking } from './lib/booking.ts'
import { showBookingMaterials } from './lib/booking-materials.ts'
import { showCertificate } from './lib/certificate.ts'
import { byId, h, show, summaryList, tag } from './lib/dom.ts'
import { ordinal } from './lib/format.ts'
import { laName } from './lib/la-names.ts'
import { showQuestionnaires } from './lib/questionnaire-list.ts'
import { places, schedule } from './lib/session-facts.ts'

const loading = byId('loading')
const outcome = byId('outcome')
const actionError = byId('action-error')
let key: BookingKey | undefined
let booking: BookingView

const STATUS_COLOURS: Record<PublicBookingStatus, string> = {
  confirmed: 'green',
  waitlisted: 'orange',
  offered: 'blue',
  declined: 'grey',
  expired: 'grey',
  cancelled: 'red',
  'late-cancelled': 'red',
  attended: 'green',
  'no-show': 'grey',
}

function statusLine(view: BookingView): HTMLElement {
  const text =
    view.status === 'waitlisted' && view.waitlistPosition
      ? `You are ${ordinal(view.waitlistPosition)} in line. We will email you if a place comes free.`
      : view.status === 'confirmed'
        ? 'Your place is booked.'
        : view.session.status === 'cancelled'
          ? 'This session has been cancelled.'
          : ''
  return h(
    'p',
    { class: 'govuk-body' },
    tag(statusLabel(view.status), STATUS_COLOURS[view.status]),
    text && ` ${text}`,
  )
}

function render(view: BookingView): void {
  booking = view
  const caption = byId('caption')
  caption.textContent = view.session.title
  caption.hidden = false
  byId('status').replaceChildren(statusLine(view))
  const offered = view.status === 'offered'
  byId('offer').hidden = !offered
  if (offered) {
    byId('offer-text').textContent = view.offerExpiresAt
      ? `Accept it by ${londonMoment(view.offerExpiresAt)}, or it will be offered to the next person.`
      : 'Accept it soon, or it will be offered to the next person.'
  }
  const { person, session } = view
  byId('details').replaceChildren(
    summaryList([
      ['Reference', view.reference],
      [
        'Session',
        h(
          'a',
          { class: 'govuk-link', href: `/session/?id=${encodeURIComponent(session.id)}` },
          session.title,
        ),
      ],
      [session.parts.length > 1 ? 'Dates' : 'Date and time', schedule(session)],
      ['Where', venueText(session)],
      ['Name', person.name],
      ['Email', person.email],
      ['Setting', person.settingName],
      ['Ofsted URN', person.ofstedUrn],
      ['Local authority', laName(person.laCode)],
      ['Access needs', person.accessNeeds],
    ]),
  )
  showSharing(view)
  byId('joining').replaceChildren(
    ...(view.joiningUrl
      ? [
          h(
            'p',
            { class: 'govuk-body' },
            h(
              'a',
              { class: 'govuk-link', href: view.joiningUrl, rel: 'noreferrer' },
              'Join the session online',
            ),
          ),
        ]
      : []),
  )
  const live =
    isCancellable(view.status) &&
    view.session.status !== 'cancelled' &&
    Date.parse(view.session.startsAt) > Date.now()
  byId('actions').hidden = !live
  byId('calendar').hidden = !holdsConfirmedPlace(view.status)
  byId('show-cancel').textContent = view.status === 'waitlisted' ? 'Leave the waiting list' : 'Cancel booking'
  byId('cancel-heading').textContent =
    view.status === 'waitlisted'
      ? 'Are you sure you want to leave the waiting list?'
      : 'Are you sure you want to cancel?'
  byId('confirm-cancel').textContent =
    view.status === 'waitlisted' ? 'Yes, leave the waiting list' : 'Yes, cancel my booking'
  closePanels()
  if (live) void loadMoveOptions(view)
  if (key) void showAttendance(view, key)
  if (key) void showCertificate(view, key, showQuestionnaires(key))
  if (key) void showBookingMaterials(view, key)
  show(byId('booking'), loading)
}

/** The answer about sharing with the LA as it stands, since when, and the button that changes it. */
function showSharing(view: BookingView): void {
  const la = laName(view.person.laCode)
  const agreed = view.person.shareWithLa
  const latest = view.laSharing.at(-1)
  const since = latest?.agreed === agreed ? latest : undefined
  const atBooking = since !== undefined && since === view.laSharing[0]
  const when = since ? ` on ${londonMoment(since.at)}` : ''
  byId('la-sharing-state').textContent = agreed
    ? `You agreed${when} to share this booking with ${la}.`
    : since && !atBooking
      ? `You stopped sharing this booking with ${la}${when}.`
      : `You chose not to share this booking with ${la}${atBooking ? when : ''}.`
  byId('la-sharing-what').textContent = agreed
    ? 'Your local authority can see your name, email address, role, setting and its Ofsted URN, this booking, whether you attended each part and whether you answered the questionnaires before and after. If you stop sharing, you are left out of the next list it downloads.'
    : 'Your local authority sees only totals that do not name anyone.'
  byId('la-sharing-change').textContent = agreed
    ? 'Stop sharing with my local authority'
    : 'Share this booking with my local authority'
}

function closePanels(): void {
  for (const [panel, opener] of [
    ['cancel', 'show-cancel'],
    ['move', 'show-move'],
  ] as const) {
    byId(panel).hidden = true
    byId(opener).setAttribute('aria-expanded', 'false')
  }
}

function openPanel(panel: 'cancel' | 'move', opener: string): void {
  closePanels()
  byId(panel).hidden = false
  byId(opener).setAttribute('aria-expanded', 'true')
  byId(`${panel}-heading`).setAttribute('tabindex', '-1')
  byId(`${panel}-heading`).focus()
}

function announce(text: string): void {
  actionError.hidden = true
  byId('outcome-text').textContent = text
  outcome.hidden = false
  outcome.focus()
}

function fail(problem: unknown): void {
  const message =
    problem instanceof ApiProblem && problem.status !== 0 && problem.status < 500
      ? problem.message
      : 'Sorry, there is a problem with the service. Nothing has changed: try again in a few minutes.'
  outcome.hidden = true
  byId('action-error-text').textContent = message
  actionError.hidden = false
  actionError.focus()
}

/** Runs one action with its button disabled, so a double click does it once. */
async function act(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  if (button.disabled) return
  button.disabled = true
  button.setAttribute('aria-disabled', 'true')
  try {
    await action()
  } catch (error) {
    fail(error)
  } finally {
    button.disabled = false
    button.removeAttribute('aria-disabled')
  }
}

async function loadMoveOptions(view: BookingView): Promise<void> {
  if (!key) return
  const options = await api<MoveOptions>(`/bookings/${encodeURIComponent(key.id)}/move-options`, {
    headers: bearer(key.token),
  }).catch(() => ({ items: [] }))
  // Someone already holding a place is only offered dates with a free place: moving never costs it.
  const items = options.items.filter((s) => view.status === 'waitlisted' || s.placesLeft > 0)
  byId('show-move').hidden = items.length === 0
  byId('move-options').replaceChildren(
    ...items.map((session, i) =>
      h(
        'div',
        { class: 'govuk-radios__item' },
        h('input', {
          class: 'govuk-radios__input',
          id: i === 0 ? 'sessionId' : `sessionId-${session.id}`,
          name: 'sessionId',
          type: 'radio',
          value: session.id,
          'aria-describedby': `sessionId-${session.id}-hint`,
        }),
        h(
          'label',
          {
            class: 'govuk-label govuk-radios__label',
            for: i === 0 ? 'sessionId' : `sessionId-${session.id}`,
          },
          londonPart(session),
        ),
        h(
          'div',
          { class: 'govuk-hint govuk-radios__hint', id: `sessionId-${session.id}-hint` },
          `${venueText(session)}. ${places(session)}.`,
        ),
      ),
    ),
  )
}

function showMoveError(message: string | undefined): void {
  byId('move-group').classList.toggle('govuk-form-group--error', message !== undefined)
  const slot = byId('sessionId-error')
  slot.replaceChildren(
    ...(message ? [h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ` ${message}`] : []),
  )
  slot.hidden = message === undefined
  const fieldset = byId('move-group').querySelector('fieldset')
  fieldset?.setAttribute('aria-describedby', message ? 'move-hint sessionId-error' : 'move-hint')
}

/** Which explanation a booking that did not open gets: an expired or replaced link says so, without the booking. */
function failureOf(error: unknown): 'expired' | 'replaced' | 'missing' | 'error' {
  if (!(error instanceof ApiProblem)) return 'error'
  if (error.code === 'manage-link-expired') {
    byId('expired-detail').textContent = error.message
    return 'expired'
  }
  if (error.code === 'manage-link-replaced') return 'replaced'
  return [400, 401, 404].includes(error.status) ? 'missing' : 'error'
}

async function main(): Promise<void> {
  key = bookingKey()
  if (!key) return show(byId('missing'), loading)
  try {
    render(await loadBooking(key))
  } catch (error) {
    show(byId(failureOf(error)), loading)
    return
  }
  const opened = key
  byId('show-cancel').addEventListener('click', () => openPanel('cancel', 'show-cancel'))
  byId('keep').addEventListener('click', () => {
    closePanels()
    byId('show-cancel').focus()
  })
  byId('show-move').addEventListener('click', () => openPanel('move', 'show-move'))
  byId('move-back').addEventListener('click', () => {
    closePanels()
    byId('show-move').focus()
  })
  byId<HTMLButtonElement>('confirm-cancel').addEventListener('click', (event) =>
    act(event.currentTarget as HTMLButtonElement, async () => {
      const wasWaiting = booking.status === 'waitlisted'
      render(await changeBooking(opened, 'DELETE'))
      announce(
        wasWaiting
          ? 'You have left the waiting list.'
          : 'Your booking has been cancelled. We have sent you an email to confirm.',
      )
    }),
  )
  byId<HTMLButtonElement>('accept').addEventListener('click', (event) =>
    act(event.currentTarget as HTMLButtonElement, async () => {
      render(await changeBooking(opened, 'POST', '/offer/accept'))
      announce('You have accepted the place. Your booking is confirmed.')
    }),
  )
  byId<HTMLButtonElement>('decline').addEventListener('click', (event) =>
    act(event.currentTarget as HTMLButtonElement, async () => {
      render(await changeBooking(opened, 'POST', '/offer/decline'))
      announce('You have declined the place. It will be offered to the next person.')
    }),
  )
  byId<HTMLButtonElement>('la-sharing-change').addEventListener('click', (event) =>
    act(event.currentTarget as HTMLButtonElement, async () => {
      const withdrawing = booking.person.shareWithLa
      render(await changeBooking(opened, 'POST', `/la-sharing/${withdrawing ? 'withdraw' : 'agree'}`))
      announce(
        withdrawing
          ? 'You have stopped sharing this booking with your local authority. It is not in the next list your local authority downloads.'
          : 'You are sharing this booking with your local authority again.',
      )
    }),
  )
  byId<HTMLButtonElement>('calendar').addEventListener('click', (event) =>
    act(event.currentTarget as HTMLButtonElement, async () => {
      byId('calendar-status').textContent = ''
      await downloadCalendar(opened, booking.reference)
      byId('calendar-status').textContent =
        'Calendar file downloaded. Open it to add the session to your calendar.'
    }),
  )
  // One key per move attempt, reused if the answer is lost and the person tries again.
  let moveKey = crypto.randomUUID()
  byId<HTMLFormElement>('move-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const chosen = (
      byId<HTMLFormElement>('move-form').elements.namedItem('sessionId') as RadioNodeList | null
    )?.value
    if (!chosen) return showMoveError('Choose the date you want to move to')
    showMoveError(undefined)
    void act(byId<HTMLButtonElement>('move-submit'), async () => {
      const moved = await api<NewBookingView>(`/bookings/${encodeURIComponent(opened.id)}/move`, {
        json: { sessionId: chosen },
        headers: { ...bearer(opened.token), 'Idempotency-Key': moveKey },
      })
      moveKey = crypto.randomUUID()
      key = { id: moved.id, token: moved.manageToken }
      // The moved booking has its own private link: keep the address bar pointing at it.
      history.replaceState(null, '', manageUrl('', key.id, key.token))
      render(await loadBooking(key))
      announce('Your booking has been moved. We have emailed you the new details.')
    })
  })
}

void main()
