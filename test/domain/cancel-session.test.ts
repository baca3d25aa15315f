import { bookSession, cancelSession, DomainError, scheduleSession } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { makePerson, makeSessionInput } from '../support/factories.ts'
import { type AdminTestDeps, bookAll, makeAdminDeps } from '../support/session-admin.ts'

let deps: AdminTestDeps
let sessionId: string

beforeEach(async () => {
  deps = makeAdminDeps()
  sessionId = (await scheduleSession(deps, makeSessionInput({ capacity: 2 }))).id
})

const emails = () => deps.bookings.outbox.map((m) => [m.kind, m.bookingId])

describe('cancelSession', () => {
  it('cancels every live booking, places and queue alike, telling each person once', async () => {
    const ids = await bookAll(deps, sessionId, ['a@example.org', 'b@example.org', 'c@example.org'])
    deps.bookings.outbox.length = 0

    const { session, cancelled } = await cancelSession(deps, sessionId, 'admin-1')

    expect(cancelled).toBe(3)
    expect(session).toMatchObject({ status: 'cancelled', heldCount: 0, waitingCount: 0 })
    expect(emails()).toEqual(ids.map((id) => ['session-cancelled', id]))
    for (const id of ids) expect((await deps.bookings.getBooking(id))?.status).toBe('cancelled')
  })

  it('takes no booking once cancelled', async () => {
    await cancelSession(deps, sessionId, 'admin-1')
    await expect(
      bookSession(deps, { sessionId, idempotencyKey: 'k', person: makePerson() }),
    ).rejects.toMatchObject({ code: 'session-cancelled' })
  })

  it('finishes the job when run again after a failure part-way, without telling anyone twice', async () => {
    const ids = await bookAll(deps, sessionId, ['a@example.org', 'b@example.org', 'c@example.org'])
    deps.bookings.outbox.length = 0
    const changeStatus = deps.bookings.changeStatus
    let calls = 0
    deps.bookings.changeStatus = async (change) => {
      if (++calls === 2) throw new Error('network gone')
      return changeStatus(change)
    }

    await expect(cancelSession(deps, sessionId, 'admin-1')).rejects.toThrow('network gone')
    deps.bookings.changeStatus = changeStatus
    const again = await cancelSession(deps, sessionId, 'admin-1')
    const third = await cancelSession(deps, sessionId, 'admin-1')

    expect(again.cancelled).toBe(2)
    expect(third.cancelled).toBe(0)
    expect(
      emails()
        .map(([, id]) => id)
        .sort(),
    ).toEqual([...ids].sort())
    expect(await deps.sessions.getSession(sessionId)).toMatchObject({ heldCount: 0, waitingCount: 0 })
  })

  it('reads a booking again when it changed under the cancellation', async () => {
    const [id] = await bookAll(deps, sessionId, ['a@example.org'])
    const changeStatus = deps.bookings.changeStatus
    let raced = false
    deps.bookings.changeStatus = async (change) => {
      if (!raced) {
        raced = true
        throw new DomainError('invalid-transition')
      }
      return changeStatus(change)
    }

    expect((await cancelSession(deps, sessionId, 'admin-1')).cancelled).toBe(1)
    expect((await deps.bookings.getBooking(id ?? ''))?.status).toBe('cancelled')
  })
})
