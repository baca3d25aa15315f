import type { Session } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makeCourse, makeSession } from '../support/factories.ts'
import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'

async function list(
  repo: ReturnType<typeof createInMemoryBookingRepository>,
  query: Parameters<typeof repo.listPublishedSessions>[0],
) {
  const ids: string[] = []
  for await (const session of repo.listPublishedSessions(query)) ids.push(session.id)
  return ids
}

describe('the in-memory catalogue used by domain and API tests', () => {
  const sessions: Session[] = [
    makeSession({ id: 'b-later', startsAt: '2026-04-02T16:00:00Z' }),
    makeSession({ id: 'a-first', startsAt: '2026-04-01T16:00:00Z' }),
    makeSession({ id: 'c-same-time', startsAt: '2026-04-02T16:00:00Z' }),
    makeSession({ id: 'draft', startsAt: '2026-04-01T10:00:00Z', status: 'draft' }),
    makeSession({ id: 'cancelled', startsAt: '2026-04-01T11:00:00Z', status: 'cancelled' }),
    makeSession({ id: 'after-range', startsAt: '2026-05-01T00:00:00Z' }),
  ]
  const repo = createInMemoryBookingRepository({
    sessions,
    courses: [
      makeCourse({ id: 'c2', title: 'Makaton' }),
      makeCourse({ id: 'c1', title: 'Autism awareness' }),
    ],
  })
  const range = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') }

  it('lists published sessions in [from, to) by start, then id', async () => {
    expect(await list(repo, range)).toEqual(['a-first', 'b-later', 'c-same-time'])
  })

  it('continues after a cursor', async () => {
    const after = { startsAt: '2026-04-02T16:00:00.000Z', id: 'b-later' }
    expect(await list(repo, { ...range, after })).toEqual(['c-same-time'])
  })

  it('lists courses by title and finds one by id', async () => {
    expect((await repo.listCourses()).map((c) => c.id)).toEqual(['c1', 'c2'])
    expect(await repo.getCourse('c2')).toMatchObject({ title: 'Makaton' })
    expect(await repo.getCourse('nope')).toBeUndefined()
  })

  it('hands out copies, so a test cannot change what is stored by accident', async () => {
    const session = await repo.getSession('a-first')
    if (session) session.heldCount = 99
    expect(await repo.getSession('a-first')).toMatchObject({ heldCount: 0 })
  })
})
