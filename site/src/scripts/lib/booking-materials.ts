import type { BookingMaterialsView, BookingView } from '@ey/contract'
import { holdsConfirmedPlace } from '@ey/presentation'
import { api, bearer } from './api.ts'
import type { BookingKey } from './booking.ts'
import { byId, h } from './dom.ts'
import { materialLine } from './material-items.ts'

/**
 * The manage page's materials: the session's and course's, once the session is over for this
 * booking (one line saying when before); nothing for a booking without a place, nor when they
 * cannot be read (the rest of the page still works).
 */
export async function showBookingMaterials(view: BookingView, key: BookingKey): Promise<void> {
  const section = byId('materials')
  section.hidden = true
  if (!holdsConfirmedPlace(view.status)) return
  const materials = await api<BookingMaterialsView>(`/bookings/${encodeURIComponent(key.id)}/materials`, {
    headers: bearer(key.token),
  }).catch(() => undefined)
  if (!materials || materials.access === 'not-booked') return
  const body =
    materials.access === 'after-session'
      ? h('p', { class: 'govuk-body' }, 'Slides, handouts and links from the session will be here after it.')
      : materials.items.length === 0
        ? h('p', { class: 'govuk-body' }, 'The trainer has not shared any materials for this session.')
        : h(
            'ul',
            { class: 'govuk-list govuk-list--bullet', id: 'materials-items' },
            ...materials.items.map((item) => materialLine(item)),
          )
  byId('materials-body').replaceChildren(body)
  section.hidden = false
}
