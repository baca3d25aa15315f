import type { NewBookingView } from '@ey/contract'
import { storeSessions } from '../../support/dynamo.ts'
import { LEEDS, makeCourse, makeOutboxMessage, makePartner, makeSession } from '../../support/factories.ts'
import { markUndeliverable, parkEmail } from '../../support/mail-admin.ts'
import { asStaff } from '../../support/staff.ts'
import { booked, type TestApi } from './support.ts'

/** What the fuzzed requests may name: real ids by the path segment before them, and bookings with their tokens. */
export interface FuzzWorld {
  ids: Record<string, string[]>
  bookings: NewBookingView[]
}

/**
 * A small programme for the fuzz test to aim at, so generated requests reach handlers past their
 * lookups: a partner and course, an open session run by `trainer-amira` with a booking from Leeds,
 * a full session with one held place and one waiting, a material on each, a parked email and an
 * undeliverable address.
 */
export async function fuzzWorld(api: TestApi): Promise<FuzzWorld> {
  const partner = makePartner()
  const course = makeCourse()
  await api.catalogue.putPartner(partner)
  await api.catalogue.putCourse(course)
  const open = makeSession({ id: 'fuzz-open', trainerIds: ['trainer-amira'] })
  const full = makeSession({ id: 'fuzz-full', trainerIds: ['trainer-amira'], capacity: 1 })
  await storeSessions(api.table, open, full)
  const bookings = [
    await booked(api, open.id, { email: 'ada@example.org', laCode: LEEDS, shareWithLa: true }),
    await booked(api, full.id, { email: 'bea@example.org', laCode: LEEDS }),
    await booked(api, full.id, { email: 'cy@example.org', laCode: LEEDS }),
  ]
  const materials = [
    await addLink(api, `/api/trainer/sessions/${open.id}/materials/links`, 'trainer-amira'),
    await addLink(api, `/api/admin/courses/${course.id}/materials/links`, 'admin'),
  ]
  const email = await parkEmail(api.deps.outbox, makeOutboxMessage({ id: 'fuzz-parked' }))
  const address = await markUndeliverable(api.deps.undeliverable, 'bounced@example.org')
  return {
    bookings,
    ids: {
      bookings: bookings.map((booking) => booking.id),
      sessions: [open.id, full.id],
      courses: [course.id],
      partners: [partner.id],
      questionnaires: ['default-pre', 'default-post'],
      kind: ['pre', 'post'],
      la: [LEEDS, 'E06000047'],
      part: ['0', '1'],
      materialId: materials,
      emails: [email.id],
      undeliverable: [address],
    },
  }
}

async function addLink(api: TestApi, path: string, who: 'admin' | 'trainer-amira'): Promise<string> {
  const res = await api.app.request(
    path,
    await asStaff(who, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Signs', url: 'https://example.org/signs' }),
    }),
  )
  if (res.status !== 201) throw new Error(`adding a material answered ${res.status}`)
  return String(((await res.json()) as { id: string }).id)
}
