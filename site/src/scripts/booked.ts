import type { BookingView } from '@ey/contract'
import { holdsConfirmedPlace, manageUrl, venueText } from '@ey/presentation'
import { bookingKey, downloadCalendar, loadBooking } from './lib/booking.ts'
import { byId, show, summaryList } from './lib/dom.ts'
import { ordinal } from './lib/format.ts'
import { schedule } from './lib/session-facts.ts'

const loading = byId('loading')

function render(booking: BookingView, href: string): void {
  const waiting = booking.status === 'waitlisted'
  const title = waiting
    ? 'You are on the waiting list'
    : booking.status === 'offered'
      ? 'A place is offered to you'
      : 'Booking confirmed'
  document.title = `${title} – Early years SEND training`
  byId('panel-title').textContent = title
  const body = byId('panel-body')
  body.append(
    waiting && booking.waitlistPosition
      ? `You are ${ordinal(booking.waitlistPosition)} in line. Your reference is `
      : 'Your reference is ',
  )
  const reference = document.createElement('strong')
  reference.textContent = booking.reference
  body.append(reference)
  byId('details').append(
    summaryList([
      ['Session', booking.session.title],
      [booking.session.parts.length > 1 ? 'Dates' : 'Date and time', schedule(booking.session)],
      ['Where', venueText(booking.session)],
    ]),
  )
  for (const email of document.querySelectorAll('.app-email')) email.textContent = booking.person.email
  byId(waiting ? 'next-waitlisted' : 'next-confirmed').hidden = false
  byId<HTMLAnchorElement>('manage-link').href = href
  if (holdsConfirmedPlace(booking.status)) byId('calendar').hidden = false
  show(byId('booked'), loading)
}

async function main(): Promise<void> {
  const key = bookingKey()
  if (!key) return show(byId('missing'), loading)
  try {
    const booking = await loadBooking(key)
    render(booking, manageUrl('', key.id, key.token))
    byId('calendar').addEventListener('click', async () => {
      const status = byId('calendar-status')
      status.textContent = ''
      try {
        await downloadCalendar(key, booking.reference)
        status.textContent = 'Calendar file downloaded. Open it to add the session to your calendar.'
      } catch {
        status.textContent =
          'Sorry, the calendar file could not be downloaded. Try again, or use the file in your email.'
      }
    })
  } catch {
    show(byId('error'), loading)
  }
}

void main()
