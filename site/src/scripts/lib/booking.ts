import type { BookingView } from '@ey/contract'
import { ApiProblem, api, bearer } from './api.ts'
import { fragmentParams } from './dom.ts'

/** The booking id and manage token carried in the page's URL fragment. */
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

/**
 * Fetches the booking's calendar file and hands it to the browser as a download: a plain link
 * cannot carry the token, which must never travel in a URL a server could log.
 */
export async function downloadCalendar(key: BookingKey, reference: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/bookings/${encodeURIComponent(key.id)}/calendar`, {
      headers: { ...bearer(key.token), Accept: 'text/calendar' },
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    throw new ApiProblem(0)
  }
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => undefined))
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = `training-${reference}.ics`
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
