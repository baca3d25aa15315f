import {
  agreeLaSharing,
  bookSession,
  cancelBooking,
  currentSharing,
  DomainError,
  moveBooking,
  PRIVACY_NOTICE_VERSION,
  withdrawLaSharing,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  DAY,
  HOUR,
  makeBooking,
  makeDeps,
  makePerson,
  makeSession,
  NOW,
  type TestDeps,
} from '../support/factories.ts'

let deps: TestDeps

async function book(shareWithLa: boolean, sessionId = 'first') {
  const { booking, manageToken } = await bookSession(deps, {
    sessionId,
    idempotencyKey: `key-${sessionId}-${shareWithLa}`,
    person: makePerson({ shareWithLa }),
  })
  return { id: booking.id, token: manageToken }
}

const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString()

beforeEach(() => {
  deps = makeDeps()
  deps.bookings.putSession(makeSession({ id: 'first', startsAt: new Date(NOW.getTime() + 7 * DAY) }))
  deps.bookings.putSession(makeSession({ id: 'later', startsAt: new Date(NOW.getTime() + 14 * DAY) }))
})

describe('the answer about sharing with the LA', () => {
  it.each([true, false])(
    'is recorded when booking (agreed: %s) with its time and the notice’s version',
    async (agreed) => {
      const { id } = await book(agreed)
      expect((await deps.bookings.getBooking(id))?.laSharing).toEqual([
        { agreed, at: NOW.toISOString(), noticeVersion: PRIVACY_NOTICE_VERSION },
      ])
    },
  )

  it('is withdrawn and given again on the booking, each change recorded in order', async () => {
    const { id, token } = await book(true)
    deps.clock.set(new Date(NOW.getTime() + HOUR))
    const withdrawn = await withdrawLaSharing(deps, id, token)
    expect(withdrawn.booking.person.shareWithLa).toBe(false)
    deps.clock.set(new Date(NOW.getTime() + 2 * HOUR))
    const agreed = await agreeLaSharing(deps, id, token)
    expect(agreed.booking.person.shareWithLa).toBe(true)
    const stored = await deps.bookings.getBooking(id)
    expect(stored?.person.shareWithLa).toBe(true)
    expect(stored?.laSharing?.map(({ agreed, at }) => [agreed, at])).toEqual([
      [true, NOW.toISOString()],
      [false, later(HOUR)],
      [true, later(2 * HOUR)],
    ])
    expect(stored?.updatedAt).toBe(later(2 * HOUR))
  })

  it('records nothing when asked for what the booking already says', async () => {
    const { id, token } = await book(false)
    deps.clock.set(new Date(NOW.getTime() + HOUR))
    await withdrawLaSharing(deps, id, token)
    await withdrawLaSharing(deps, id, token)
    expect((await deps.bookings.getBooking(id))?.laSharing).toHaveLength(1)
  })

  it('can be withdrawn from a cancelled booking, which the LA’s list still holds', async () => {
    const { id, token } = await book(true)
    await cancelBooking(deps, id, token)
    await withdrawLaSharing(deps, id, token)
    expect((await deps.bookings.getBooking(id))?.person.shareWithLa).toBe(false)
  })

  it('answers booking-not-found to a wrong token, and changes nothing', async () => {
    const { id } = await book(true)
    await expect(withdrawLaSharing(deps, id, 'not-the-token')).rejects.toThrow(DomainError)
    expect((await deps.bookings.getBooking(id))?.person.shareWithLa).toBe(true)
  })

  it('travels with a moved booking: the new date keeps the answers and their times', async () => {
    const { id, token } = await book(true)
    deps.clock.set(new Date(NOW.getTime() + HOUR))
    await withdrawLaSharing(deps, id, token)
    deps.clock.set(new Date(NOW.getTime() + 2 * HOUR))
    const moved = await moveBooking(deps, {
      bookingId: id,
      token,
      toSessionId: 'later',
      idempotencyKey: 'mv',
    })
    expect(moved.booking.person.shareWithLa).toBe(false)
    expect(moved.booking.laSharing?.map((answer) => answer.at)).toEqual([NOW.toISOString(), later(HOUR)])
  })
})

describe('currentSharing', () => {
  it('names the answer that holds now, and none for a booking made before answers had times', () => {
    const since = { agreed: false, at: later(HOUR), noticeVersion: 'v' }
    const booking = makeBooking({
      person: makePerson({ shareWithLa: false }),
      laSharing: [{ agreed: true, at: NOW.toISOString(), noticeVersion: 'v' }, since],
    })
    expect(currentSharing(booking)).toEqual({ agreed: false, since })
    expect(currentSharing(makeBooking({ person: makePerson({ shareWithLa: true }) }))).toEqual({
      agreed: true,
    })
  })
})
