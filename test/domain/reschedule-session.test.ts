import { editSession, scheduleSession } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeSessionInput } from '../support/factories.ts'
import { type AdminTestDeps, bookAll, makeAdminDeps } from '../support/session-admin.ts'

let deps: AdminTestDeps
let sessionId: string
let ids: string[]

const moved = makeSessionInput({
  parts: [
    { date: '2026-03-17', startTime: '16:00', endTime: '17:30' },
    { date: '2026-03-24', startTime: '16:00', endTime: '17:30' },
  ],
})

beforeEach(async () => {
  deps = makeAdminDeps()
  sessionId = (await scheduleSession(deps, makeSessionInput({ capacity: 1 }))).id
  ids = await bookAll(deps, sessionId, ['a@example.org', 'b@example.org'])
  deps.bookings.outbox.length = 0
})

describe('editSession when the times change', () => {
  it("updates every live booking's copy and tells each person, with a history event for the calendar", async () => {
    await editSession(deps, sessionId, { ...moved, capacity: 1 }, 'admin-1')

    for (const id of ids) {
      const booking = await deps.bookings.getBooking(id)
      expect(booking?.session.parts[0]?.startsAt).toBe('2026-03-17T16:00:00.000Z')
      expect(booking?.history).toHaveLength(2)
      expect(booking?.history.at(-1)).toMatchObject({
        from: booking?.status,
        to: booking?.status,
        by: 'admin-1',
      })
    }
    expect(deps.bookings.outbox.map((m) => [m.kind, m.bookingId])).toEqual(
      ids.map((id) => ['session-rescheduled', id]),
    )
  })

  it('copies a new title silently', async () => {
    await editSession(deps, sessionId, makeSessionInput({ capacity: 1, title: 'New name' }), 'admin-1')
    expect((await deps.bookings.getBooking(ids[0] ?? ''))?.session.title).toBe('New name')
    expect(deps.bookings.outbox).toEqual([])
  })

  it('tells nobody twice when run again after a failure part-way', async () => {
    deps.sessions.failOn = { method: 'changeSnapshot', call: 2, error: new Error('network gone') }
    await expect(editSession(deps, sessionId, { ...moved, capacity: 1 }, 'admin-1')).rejects.toThrow()
    deps.sessions.failOn = undefined

    await editSession(deps, sessionId, { ...moved, capacity: 1 }, 'admin-1')

    expect(deps.bookings.outbox.map((m) => m.bookingId)).toEqual(ids)
  })
})
