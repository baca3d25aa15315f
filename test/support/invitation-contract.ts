import {
  type BookingDeps,
  type BookingRepository,
  bookSession,
  type InvitationStore,
  type QuestionnaireInvitationEmail,
  type Session,
  type SessionStatus,
} from '@ey/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { fakeClock, MINUTE, makeDeps, makePerson, makeSession, partAt } from './factories.ts'

/**
 * A store under test, the session writes that keep its looks in line (as the session store does),
 * and the booking repository that writes its place looks.
 */
export interface InvitationWorld {
  store: InvitationStore
  create(session: Session): Promise<void>
  save(session: Session, expectedStatus: SessionStatus): Promise<void>
  bookings: BookingRepository
}

const UPDATED = '2026-03-02T09:00:00.000Z'
const LATER = new Date('2026-03-02T10:00:00.000Z')

/** The invitation store's contract, run against the in-memory double and DynamoDB Local alike. */
export function describeInvitationStoreContract(name: string, make: () => Promise<InvitationWorld>): void {
  describe(name, () => {
    let world: InvitationWorld
    beforeAll(async () => {
      world = await make()
    })
    const session = (id: string, overrides: Partial<Session> = {}) =>
      makeSession({ id, startsAt: '2026-03-16T16:00:00.000Z', updatedAt: UPDATED, ...overrides })
    const looksOf = async (id: string, now: Date) =>
      (await world.store.dueLooks(now)).filter((look) => look.sessionId === id)

    it('gives a published session a look due at once, and a draft none', async () => {
      await world.create(session('look-a'))
      await world.create(session('look-draft', { status: 'draft' }))
      expect(await looksOf('look-a', new Date(UPDATED))).toEqual([{ sessionId: 'look-a', at: UPDATED }])
      expect(await looksOf('look-a', new Date('2026-03-02T08:59:59.999Z'))).toEqual([])
      expect(await looksOf('look-draft', LATER)).toEqual([])
    })

    it('moves a look on, and clears it, only while it holds the time that was read', async () => {
      await world.create(session('look-b'))
      const [look] = await looksOf('look-b', LATER)
      if (!look) throw new Error('no look')
      await world.store.setNextLook(look, LATER)
      expect(await looksOf('look-b', LATER)).toEqual([{ sessionId: 'look-b', at: LATER.toISOString() }])
      await world.store.setNextLook(look, new Date('2026-03-05T00:00:00.000Z'))
      expect(await looksOf('look-b', LATER)).toEqual([{ sessionId: 'look-b', at: LATER.toISOString() }])
      await world.store.setNextLook({ sessionId: 'look-b', at: LATER.toISOString() }, undefined)
      expect(await looksOf('look-b', new Date('2027-01-01T00:00:00.000Z'))).toEqual([])
    })

    it('keeps the next look when a save leaves the times, makes it due again when a part moves, drops it when unpublished', async () => {
      const first = session('look-c')
      await world.create(first)
      await world.store.setNextLook(
        { sessionId: 'look-c', at: UPDATED },
        new Date('2026-03-20T00:00:00.000Z'),
      )
      await world.save({ ...first, title: 'Renamed', updatedAt: LATER.toISOString() }, 'published')
      expect(await looksOf('look-c', LATER)).toEqual([])

      const moved = { ...first, parts: [partAt('2026-03-17T16:00:00.000Z')], updatedAt: LATER.toISOString() }
      await world.save(moved, 'published')
      expect(await looksOf('look-c', LATER)).toEqual([{ sessionId: 'look-c', at: LATER.toISOString() }])

      await world.save({ ...moved, status: 'cancelled' }, 'published')
      expect(await looksOf('look-c', new Date('2027-01-01T00:00:00.000Z'))).toEqual([])
    })

    it('gives a place confirmed at booking or on promotion a look 10 minutes on, a place waiting none, and clears one only while it holds the time read', async () => {
      await world.create(session('look-e', { capacity: 1 }))
      const deps: BookingDeps = { ...makeDeps(), bookings: world.bookings, clock: fakeClock(UPDATED) }
      const book = async (email: string) =>
        (
          await bookSession(deps, {
            sessionId: 'look-e',
            idempotencyKey: email,
            person: makePerson({ email }),
          })
        ).booking
      const placed = await book('ada@example.test')
      const waiting = await book('bea@example.test')
      const placeLooks = async (now: Date) =>
        (await looksOf('look-e', now)).filter((look) => look.bookingId !== undefined)
      const tenOn = (instant: Date | string) => new Date(new Date(instant).getTime() + 10 * MINUTE)

      expect(await placeLooks(new Date(tenOn(UPDATED).getTime() - 1))).toEqual([])
      const first = { sessionId: 'look-e', at: tenOn(UPDATED).toISOString(), bookingId: placed.id }
      expect(await placeLooks(tenOn(UPDATED))).toEqual([first])

      await world.bookings.changeStatus({
        bookingId: placed.id,
        from: 'confirmed',
        to: 'cancelled',
        by: 'participant',
        at: LATER,
      })
      await world.bookings.changeStatus({
        bookingId: waiting.id,
        from: 'waiting',
        to: 'confirmed',
        by: 'system',
        at: LATER,
      })
      const second = { sessionId: 'look-e', at: tenOn(LATER).toISOString(), bookingId: waiting.id }
      expect(await placeLooks(tenOn(LATER))).toEqual([first, second])

      await world.store.setNextLook({ ...second, at: LATER.toISOString() }, undefined)
      await world.store.setNextLook(first, undefined)
      expect(await placeLooks(tenOn(LATER))).toEqual([second])
    })

    it('records an invitation once, with its email', async () => {
      const invitation = { sessionId: 'look-d', bookingId: 'bk-d', kind: 'pre' as const, at: UPDATED }
      const message: QuestionnaireInvitationEmail = {
        id: 'questionnaire-pre-bk-d',
        kind: 'questionnaire-invitation',
        bookingId: 'bk-d',
        invitation: 'pre',
        createdAt: UPDATED,
      }
      expect(await world.store.recordInvitation(invitation, message)).toBe(true)
      expect(await world.store.recordInvitation({ ...invitation, at: LATER.toISOString() }, message)).toBe(
        false,
      )
      expect(await world.store.sentInvitations('look-d')).toEqual([invitation])
      expect(await world.store.sentInvitations('look-other')).toEqual([])
    })
  })
}
