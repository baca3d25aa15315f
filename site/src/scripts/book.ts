import type { BookingReceived, SessionView } from '@ey/contract'
import { venueText } from '@ey/presentation'
import { ApiProblem, api } from './lib/api.ts'
import { BOOKED_EMAIL_KEY } from './lib/booking.ts'
import { byId, show, summaryList } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import { enhanceLaPickersOnUse } from './lib/la-picker.ts'
import { places, schedule } from './lib/session-facts.ts'
import { bookingCall } from './lib/session-state.ts'

const form = byId<HTMLFormElement>('booking-form')
const submit = byId<HTMLButtonElement>('submit')
const sending = byId('sending')
const errors = new FormErrors(form)
const sessionId = new URLSearchParams(location.search).get('id') ?? ''

// One key per filled-in form: a retry after a lost answer is recognised, never booked twice.
let idempotencyKey = crypto.randomUUID()
let busy = false

function unavailable(text: string): void {
  byId('unavailable-text').textContent = text
  show(byId('unavailable'), form, byId('loading'))
}

async function loadSession(): Promise<void> {
  if (!sessionId) return unavailable('We could not tell which session you want to book.')
  let session: SessionView
  try {
    session = await api<SessionView>(`/sessions/${encodeURIComponent(sessionId)}`)
  } catch (error) {
    const missing = error instanceof ApiProblem && (error.status === 404 || error.status === 400)
    return unavailable(
      missing
        ? 'We could not find this session. It may have been removed, or the link may be wrong.'
        : 'Sorry, there is a problem loading this session. Try again in a few minutes.',
    )
  }
  byId<HTMLAnchorElement>('back-link').href = `/session/?id=${encodeURIComponent(session.id)}`
  const call = bookingCall(session)
  if (!call.action) return unavailable(call.text)
  byId('session-facts').append(
    summaryList([
      ['Session', session.title],
      [session.parts.length > 1 ? 'Dates' : 'Date and time', schedule(session)],
      ['Where', venueText(session)],
      ['Places', places(session)],
    ]),
  )
  if (session.placesLeft === 0) {
    byId('heading').textContent = 'Join the waiting list'
    document.title = `Join the waiting list – Early years SEND training`
    submit.textContent = 'Join the waiting list'
    byId('waitlist-warning').hidden = false
    byId<HTMLAnchorElement>('alert-link').href =
      `/session/?id=${encodeURIComponent(session.id)}#interest-alert`
    byId('alert-offer').hidden = false
  }
  show(form, byId('loading'))
}

/** What the person entered, under the API's field names; empty answers are left for the API to name. */
function body(): Record<string, unknown> {
  // FormData reads the select behind the LA autocomplete (the visible input has no name).
  const data = new FormData(form)
  const text = (name: string) => {
    const value = data.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const accessNeeds = text('accessNeeds')?.trim()
  const ofstedUrn = text('ofstedUrn')?.trim()
  return {
    name: text('name'),
    email: text('email'),
    role: text('role'),
    settingName: text('settingName'),
    ...(ofstedUrn ? { ofstedUrn } : {}),
    settingType: text('settingType'),
    laCode: text('laCode'),
    shareWithLa: data.get('shareWithLa') === 'true',
    ...(accessNeeds ? { accessNeeds } : {}),
  }
}

function explain(problem: ApiProblem): void {
  if (problem.code === 'idempotency-key-reused') {
    // The first attempt went through with other details: start a fresh attempt.
    idempotencyKey = crypto.randomUUID()
    errors.show(
      [],
      'Your details changed after you first sent them. Check your email for a confirmation before you try again.',
    )
  } else if (problem.status === 0 || problem.status >= 500) {
    errors.show(
      [],
      'Sorry, there is a problem with the service. Your booking has not been confirmed yet: try again.',
    )
  } else if (problem.errors.length > 0) {
    errors.show(problem.errors)
  } else {
    errors.show([], problem.message)
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  if (busy) return
  busy = true
  submit.disabled = true
  submit.setAttribute('aria-disabled', 'true')
  sending.textContent = 'Sending your booking…'
  try {
    // The same answer whether a booking was made or the address already had one: both are emailed.
    const received = await api<BookingReceived>(`/sessions/${encodeURIComponent(sessionId)}/bookings`, {
      json: body(),
      headers: { 'Idempotency-Key': idempotencyKey },
    })
    sessionStorage.setItem(BOOKED_EMAIL_KEY, received.emailedTo)
    location.assign(`/booked/?${new URLSearchParams({ session: received.sessionId })}`)
  } catch (error) {
    explain(error instanceof ApiProblem ? error : new ApiProblem(0))
    busy = false
    submit.disabled = false
    submit.removeAttribute('aria-disabled')
    sending.textContent = ''
  }
})

enhanceLaPickersOnUse()
void loadSession()
