import {
  bookSession,
  cancelBooking,
  DEFAULT_POLICY,
  manageLinkExpired,
  manageLinkExpiresAt,
  manageTokenOf,
  openBooking,
  renewManageLinks,
  versionOfToken,
} from '@ey/domain'
import { sha256Fingerprints } from '@ey/runtime'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  DAY,
  MINUTE,
  makeBooking,
  makeDeps,
  makePerson,
  makeSession,
  type TestDeps,
} from '../support/factories.ts'
import { createInMemoryManageLinks } from '../support/in-memory-manage-links.ts'

/** The end of `makeSession`'s one part. */
const END = new Date('2026-03-16T17:30:00.000Z')
const EXPIRES = new Date(END.getTime() + 90 * DAY)

let deps: TestDeps
let manageLinks: ReturnType<typeof createInMemoryManageLinks>
const renew = (email: string) =>
  renewManageLinks({ ...deps, manageLinks, fingerprints: sha256Fingerprints }, email)

async function book(email: string, sessionId = 'session-1') {
  const { booking, manageToken } = await bookSession(deps, {
    sessionId,
    idempotencyKey: `key-${email}-${sessionId}`,
    person: makePerson({ email }),
  })
  return { id: booking.id, token: manageToken }
}

beforeEach(() => {
  deps = makeDeps()
  deps.bookings.putSession(makeSession())
  manageLinks = createInMemoryManageLinks(deps.bookings)
})

describe('manageLinkExpired', () => {
  const booking = makeBooking({ session: makeSession() })

  it('expires the links exactly manageLinkDays after the last part ends, not a millisecond before', () => {
    expect(manageLinkExpiresAt(booking, DEFAULT_POLICY)).toEqual(EXPIRES)
    expect(manageLinkExpired(booking, new Date(EXPIRES.getTime() - 1), DEFAULT_POLICY)).toBe(false)
    expect(manageLinkExpired(booking, EXPIRES, DEFAULT_POLICY)).toBe(true)
  })

  it('counts from the last part of a course of several', () => {
    const twoParts = makeBooking({
      session: {
        ...makeSession(),
        parts: [
          ...makeSession().parts,
          { startsAt: '2026-04-20T15:00:00.000Z', endsAt: '2026-04-20T16:30:00.000Z' },
        ],
      },
    })
    expect(manageLinkExpiresAt(twoParts, { manageLinkDays: 10 })).toEqual(
      new Date('2026-04-30T16:30:00.000Z'),
    )
  })
})

describe('openBooking and the links’ expiry', () => {
  it('opens the booking until the limit, then answers manage-link-expired; a wrong token still answers not found', async () => {
    const { id, token } = await book('ada@example.org')

    deps.clock.set(new Date(EXPIRES.getTime() - 1))
    expect((await openBooking(deps, id, token)).booking.id).toBe(id)
    deps.clock.set(EXPIRES)
    await expect(openBooking(deps, id, token)).rejects.toMatchObject({ code: 'manage-link-expired' })
    await expect(openBooking(deps, id, 'wrong')).rejects.toMatchObject({ code: 'booking-not-found' })
  })

  it('follows the configured number of days', async () => {
    const { id, token } = await book('ada@example.org')
    deps.clock.set(new Date(END.getTime() + 2 * DAY))

    await expect(
      openBooking({ ...deps, policy: { ...DEFAULT_POLICY, manageLinkDays: 2 } }, id, token),
    ).rejects.toMatchObject({
      code: 'manage-link-expired',
    })
    expect(
      (await openBooking({ ...deps, policy: { ...DEFAULT_POLICY, manageLinkDays: 3 } }, id, token)).booking
        .id,
    ).toBe(id)
  })
})

describe('token versions', () => {
  it('keeps version 1’s token as it always was, and says a later version before a dot', () => {
    const v1 = deps.tokens.issue('bk_1')
    const v2 = deps.tokens.issue('bk_1', 2)
    expect(deps.tokens.issue('bk_1', 1)).toBe(v1)
    expect(v2).toMatch(/^2\.[A-Za-z0-9_-]{43}$/)
    expect([versionOfToken(v1), versionOfToken(v2)]).toEqual([1, 2])
    expect(manageTokenOf(deps.tokens, { id: 'bk_1', manageTokenVersion: 2 })).toBe(v2)
  })

  it('answers manage-link-replaced to an older version’s token, opens with the new one, and refuses a forged version', async () => {
    const { id, token } = await book('ada@example.org')
    await renew('ada@example.org')
    const renewed = await deps.bookings.getBooking(id)
    if (!renewed) throw new Error('booking gone')
    const fresh = manageTokenOf(deps.tokens, renewed)

    await expect(openBooking(deps, id, token)).rejects.toMatchObject({ code: 'manage-link-replaced' })
    expect((await openBooking(deps, id, fresh)).booking.manageTokenVersion).toBe(2)
    await expect(openBooking(deps, id, `1.${fresh.slice(2)}`)).rejects.toMatchObject({
      code: 'booking-not-found',
    })
    await expect(openBooking(deps, id, `3.${fresh.slice(2)}`)).rejects.toMatchObject({
      code: 'booking-not-found',
    })
  })
})

describe('renewManageLinks', () => {
  it('renews every working link of the address, any status, and queues one email naming the soonest', async () => {
    deps.bookings.putSession(makeSession({ id: 'session-2', startsAt: '2026-05-04T16:00:00.000Z' }))
    const first = await book('ada@example.org')
    const second = await book('ada@example.org', 'session-2')
    await cancelBooking(deps, second.id, second.token)
    const other = await book('grace@example.org')

    await renew('  Ada@Example.ORG ')

    expect((await deps.bookings.getBooking(first.id))?.manageTokenVersion).toBe(2)
    expect((await deps.bookings.getBooking(second.id))?.manageTokenVersion).toBe(2)
    expect((await deps.bookings.getBooking(other.id))?.manageTokenVersion).toBeUndefined()
    expect(manageLinks.queued).toEqual([
      expect.objectContaining({ kind: 'manage-links-renewed', bookingId: first.id }),
    ])
  })

  it('changes nothing when asked again within the window, and renews again after it', async () => {
    const { id } = await book('ada@example.org')
    await renew('ada@example.org')
    deps.clock.advance(MINUTE)
    await renew('ada@example.org')
    expect((await deps.bookings.getBooking(id))?.manageTokenVersion).toBe(2)
    expect(manageLinks.queued).toHaveLength(1)

    deps.clock.advance(10 * MINUTE)
    await renew('ada@example.org')
    expect((await deps.bookings.getBooking(id))?.manageTokenVersion).toBe(3)
    expect(manageLinks.queued).toHaveLength(2)
  })

  it('queues nothing for an address without bookings, nor for links already expired', async () => {
    const { id } = await book('ada@example.org')
    await renew('nobody@example.org')
    deps.clock.set(EXPIRES)
    await renew('ada@example.org')

    expect(manageLinks.queued).toEqual([])
    expect((await deps.bookings.getBooking(id))?.manageTokenVersion).toBeUndefined()
  })
})
