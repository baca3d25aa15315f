import { changeCapacity, scheduleSession } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { makeSessionInput } from '../support/factories.ts'
import { type AdminTestDeps, bookAll, makeAdminDeps } from '../support/session-admin.ts'

let deps: AdminTestDeps
let sessionId: string

beforeEach(async () => {
  deps = makeAdminDeps()
  sessionId = (await scheduleSession(deps, makeSessionInput({ capacity: 2 }))).id
})

describe('changeCapacity', () => {
  it('refuses to drop below the places held, naming the capacity field', async () => {
    await bookAll(deps, sessionId, ['a@example.org', 'b@example.org'])

    await expect(changeCapacity(deps, sessionId, 1)).rejects.toMatchObject({
      code: 'capacity-below-held',
      fieldErrors: [{ field: 'capacity', message: '2 places are already held: enter 2 or more' }],
    })
    expect((await deps.sessions.getSession(sessionId))?.capacity).toBe(2)
  })

  it('lowers the capacity down to the places held', async () => {
    await bookAll(deps, sessionId, ['a@example.org'])
    expect((await changeCapacity(deps, sessionId, 1)).capacity).toBe(1)
  })

  it('gives the new places to the waiting list in arrival order, each with an email', async () => {
    const [, , first, second, third] = await bookAll(deps, sessionId, [
      'a@example.org',
      'b@example.org',
      'c@example.org',
      'd@example.org',
      'e@example.org',
    ])
    deps.bookings.outbox.length = 0

    const session = await changeCapacity(deps, sessionId, 4)

    expect(session).toMatchObject({ capacity: 4, heldCount: 4, waitingCount: 1 })
    expect(deps.bookings.outbox.map((m) => [m.kind, m.bookingId])).toEqual([
      ['booking-promoted', first],
      ['booking-promoted', second],
    ])
    expect((await deps.bookings.getBooking(third ?? ''))?.status).toBe('waiting')
  })

  it('answers session-not-found for an unknown session', async () => {
    await expect(changeCapacity(deps, 'nope', 3)).rejects.toMatchObject({ code: 'session-not-found' })
  })
})
