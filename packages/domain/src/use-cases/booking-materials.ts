import type { BookingMaterialDeps, MaterialReadDeps } from '../material-ports.ts'
import { type MaterialAccess, materialAccess } from '../rules/materials.ts'
import type { Booking } from '../schemas/booking.ts'
import type { Material } from '../schemas/material.ts'
import { openBooking } from './manage-booking.ts'
import { linkTo, type MaterialLink } from './material-links.ts'

/** A booking's materials: whether it may see them yet, and what they are. */
export interface BookingMaterials<T> {
  access: MaterialAccess
  items: T[]
}

/**
 * The materials a booking may see (its session's, then its course's, booked-only and public
 * alike), without links: empty until `materialAccess` says `available`. The post-session email
 * lists these and sends people to their manage page, where the links are signed when opened.
 */
export async function materialsOfBooking(
  deps: { materials: Pick<MaterialReadDeps['materials'], 'listOf'>; clock: MaterialReadDeps['clock'] },
  booking: Pick<Booking, 'sessionId' | 'status' | 'session'>,
): Promise<BookingMaterials<Material>> {
  const access = materialAccess(booking, deps.clock.now())
  if (access !== 'available') return { access, items: [] }
  const [session, course] = await Promise.all([
    deps.materials.listOf({ kind: 'session', id: booking.sessionId }),
    deps.materials.listOf({ kind: 'course', id: booking.session.courseId }),
  ])
  return { access, items: [...session, ...course] }
}

/** The materials of the booking its manage token opens, each with a short-lived link. */
export async function openBookingMaterials(
  deps: BookingMaterialDeps,
  bookingId: string,
  token: string,
): Promise<BookingMaterials<MaterialLink>> {
  const { booking } = await openBooking(deps, bookingId, token)
  const { access, items } = await materialsOfBooking(deps, booking)
  return { access, items: await Promise.all(items.map((material) => linkTo(deps, material))) }
}

/** A course's public materials, each with a short-lived link: what the course page may show anyone. */
export async function publicCourseMaterials(
  deps: Pick<MaterialReadDeps, 'materials' | 'materialFiles'>,
  courseId: string,
): Promise<MaterialLink[]> {
  const materials = await deps.materials.listOf({ kind: 'course', id: courseId })
  const shown = materials.filter((material) => material.audience === 'public')
  return Promise.all(shown.map((material) => linkTo(deps, material)))
}
