import { materialsOfBooking } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { fakeClock, makeBooking } from '../support/factories.ts'
import { createInMemoryMaterialStore } from '../support/in-memory-materials.ts'
import { makeLinkMaterial } from '../support/material-contract.ts'

/** A store holding one material of the booking's session, one of its course and one of another session. */
async function storeWithMaterials() {
  const materials = createInMemoryMaterialStore()
  const booking = makeBooking()
  const ofSession = makeLinkMaterial({ owner: { kind: 'session', id: booking.sessionId }, title: 'Slides' })
  const ofCourse = makeLinkMaterial({
    owner: { kind: 'course', id: booking.session.courseId },
    title: 'Reading',
  })
  await materials.add(ofSession)
  await materials.add(ofCourse)
  await materials.add(makeLinkMaterial({ title: 'Another session' }))
  return { materials, booking, ofSession, ofCourse }
}

describe('materialsOfBooking (what the post-session email lists)', () => {
  it('lists the session’s materials, then the course’s, once the session has ended', async () => {
    const { materials, booking, ofSession, ofCourse } = await storeWithMaterials()
    const clock = fakeClock('2026-12-01T17:30:00.000Z')
    expect(await materialsOfBooking({ materials, clock }, booking)).toEqual({
      access: 'available',
      items: [ofSession, ofCourse],
    })
  })

  it('lists nothing before the session ends, nor to a cancelled booking', async () => {
    const { materials, booking } = await storeWithMaterials()
    const during = fakeClock('2026-12-01T17:00:00.000Z')
    expect(await materialsOfBooking({ materials, clock: during }, booking)).toEqual({
      access: 'after-session',
      items: [],
    })
    const after = fakeClock('2026-12-02T09:00:00.000Z')
    expect(
      await materialsOfBooking({ materials, clock: after }, { ...booking, status: 'cancelled' }),
    ).toEqual({
      access: 'not-booked',
      items: [],
    })
  })
})
