import type { InvitationStore, QuestionnaireInvitationEmail, Session, SessionStatus } from '@ey/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeSession, partAt } from './factories.ts'

/** A store under test, and the session writes that keep its looks in line (as the session store does). */
export interface InvitationWorld {
  store: InvitationStore
  create(session: Session): Promise<void>
  save(session: Session, expectedStatus: SessionStatus): Promise<void>
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
