import type { SessionView } from '@ey/contract'
import { venueText } from '@ey/presentation'
import { api } from './lib/api.ts'
import { BOOKED_EMAIL_KEY } from './lib/booking.ts'
import { byId, summaryList } from './lib/dom.ts'
import { schedule } from './lib/session-facts.ts'

/**
 * "Check your email": the booking page's answer is the same whether a booking was made or the
 * address already had one, so this page says only what is true of both, with the session's facts
 * and the address the email went to (kept by the booking page for this tab only).
 */
async function main(): Promise<void> {
  const email = sessionStorage.getItem(BOOKED_EMAIL_KEY)
  if (email) for (const element of document.querySelectorAll('.app-email')) element.textContent = email
  const sessionId = new URLSearchParams(location.search).get('session')
  if (!sessionId) return
  try {
    const session = await api<SessionView>(`/sessions/${encodeURIComponent(sessionId)}`)
    byId('panel-body').textContent = `We have emailed you about your booking for ${session.title}`
    byId('details').append(
      summaryList([
        ['Session', session.title],
        [session.parts.length > 1 ? 'Dates' : 'Date and time', schedule(session)],
        ['Where', venueText(session)],
      ]),
    )
  } catch {
    // The email has the session's details; the page reads the same without them.
  }
}

void main()
