import type { Session } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, findPage } from '../../../functions/api/src/listing.ts'
import { makeSession } from '../../support/factories.ts'

const sessions = Array.from({ length: 10 }, (_, n) =>
  makeSession({ id: `s${n}`, startsAt: new Date(Date.UTC(2026, 2, 10 + n, 16)) }),
)

/** The sessions as the catalogue yields them, counting how many were read. */
function counted(all: Session[]) {
  const read = { count: 0 }
  async function* iterate() {
    for (const session of all) {
      read.count++
      yield session
    }
  }
  return { iterable: iterate(), read }
}

describe('the session listing', () => {
  it('stops reading the catalogue once it has one match more than a page', async () => {
    const { iterable, read } = counted(sessions)
    const page = await findPage(iterable, () => true, 3)
    expect(page.items.map((s) => s.id)).toEqual(['s0', 's1', 's2'])
    expect(read.count).toBe(4)
    expect(decodeCursor(page.nextCursor ?? '')).toEqual({ startsAt: '2026-03-12T16:00:00.000Z', id: 's2' })
  })

  it('reads on past sessions that do not match, and gives no cursor when nothing is left', async () => {
    const { iterable, read } = counted(sessions)
    const page = await findPage(iterable, (s) => s.id === 's9' || s.id === 's1', 2)
    expect(page).toEqual({ items: [sessions[1], sessions[9]], nextCursor: null })
    expect(read.count).toBe(10)
  })

  it('round-trips a cursor, and refuses what it did not make', () => {
    const session = sessions[4] as Session
    expect(decodeCursor(encodeCursor(session))).toEqual({ startsAt: '2026-03-14T16:00:00.000Z', id: 's4' })
    for (const bad of ['', '!!', Buffer.from('2026-03-14T16:00:00Z#s4').toString('base64url'), 'czQ']) {
      expect(decodeCursor(bad)).toBeUndefined()
    }
  })
})
