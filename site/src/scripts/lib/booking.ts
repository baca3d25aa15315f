import type { BookingView } from '@ey/contract'
import { api, bearer } from './api.ts'
import { fragmentParams } from './dom.ts'
import { download } from './download.ts'

/** The booking id and manage token carried in the page's URL fragment. */
/** Where the booking page keeps, for this tab only, the address it booked with, for the next page to show. */
export const BOOKED_EMAIL_KEY = 'booked-email'

export interface BookingKey {
  id: string
  token: string
}

/** Reads the key from `#id=…&token=…`; undefined when the link is incomplete. */
export function bookingKey(): BookingKey | undefined {
  const params = fragmentParams()
  const id = params.get('id') ?? new URLSearchParams(location.search).get('id')
  const token = params.get('token')
  return id && token ? { id, token } : undefined
}

/** The booking the key opens. */
export function loadBooking(key: BookingKey): Promise<BookingView> {
  return api<BookingView>(`/bookings/${encodeURIComponent(key.id)}`, { headers: bearer(key.token) })
}

/** A state change on the booking (cancel, accept or decline an offer), answering the booking after it. */
export function changeBooking(key: BookingKey, method: 'DELETE' | 'POST', action = ''): Promise<BookingView> {
  return api<BookingView>(`/bookings/${encodeURIComponent(key.id)}${action}`, {
    method,
    headers: bearer(key.token),
  })
}

/** Downloads the booking's calendar file, opened by its manage token. */
export function downloadCalendar(key: BookingKey, reference: string): Promise<void> {
  return download(
    `/bookings/${encodeURIComponent(key.id)}/calendar`,
    { headers: { ...bearer(key.token), Accept: 'text/calendar' } },
    `training-${reference}.ics`,
  )
}
