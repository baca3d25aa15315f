import { cancelSession, editSession, scheduleSession, scheduleSessions, setSessionStatus } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { LEEDS, makeSessionInput, makeVenue } from '../support/factories.ts'
import { type AdminTestDeps, makeAdminDeps } from '../support/session-admin.ts'

let deps: AdminTestDeps

beforeEach(() => {
  deps = makeAdminDeps()
})

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: { fieldErrors?: { field: string }[] }) => e,
  )
  return error?.fieldErrors?.map((f) => f.field)
}

describe('scheduleSession', () => {
  it('stores each part given in London time as UTC, with the course title and empty counters', async () => {
    const session = await scheduleSession(
      deps,
      makeSessionInput({ parts: [{ date: '2026-06-01', startTime: '16:00', endTime: '18:00' }] }),
    )

    expect(session).toMatchObject({
      title: 'Speech, language and communication: core',
      parts: [{ startsAt: '2026-06-01T15:00:00.000Z', endsAt: '2026-06-01T17:00:00.000Z' }],
      heldCount: 0,
      waitingCount: 0,
      status: 'published',
    })
    expect(await deps.sessions.getSession(session.id)).toEqual(session)
  })

  it('names every field at fault and writes nothing', async () => {
    const input = makeSessionInput({
      courseId: 'no-such-course',
      format: 'in-person',
      parts: [
        { date: '2026-03-16', startTime: '16:00', endTime: '15:00' },
        { date: '2026-03-16', startTime: '14:00', endTime: '15:30' },
      ],
      bespokeLaCodes: ['E09999999'],
    })

    expect(await fieldsOf(scheduleSession(deps, input))).toEqual([
      'courseId',
      'parts.0.endTime',
      'parts.1.date',
      'venue',
      'bespokeLaCodes.0',
    ])
    expect(await deps.sessions.listSessions({ from: new Date(0), to: new Date('2100-01-01') })).toEqual([])
  })

  it('refuses a session starting in the past and a booking window closing after the start', async () => {
    const input = makeSessionInput({
      parts: [{ date: '2026-03-01', startTime: '16:00', endTime: '17:00' }],
      bookingCloses: { date: '2026-03-02', time: '09:00' },
    })
    expect(await fieldsOf(scheduleSession(deps, input))).toEqual(['parts.0.date', 'bookingCloses.date'])
  })

  it('keeps the venue of an in-person bespoke session', async () => {
    const venue = makeVenue()
    const session = await scheduleSession(
      deps,
      makeSessionInput({ format: 'in-person', venue, bespokeLaCodes: [LEEDS], status: 'draft' }),
    )
    expect(session).toMatchObject({ venue, bespokeLaCodes: [LEEDS], status: 'draft' })
    expect(session.joiningUrl).toBeUndefined()
  })
})

describe('scheduleSessions', () => {
  it('writes nothing when any row is wrong, and answers each bad row by number', async () => {
    const result = await scheduleSessions(deps, [
      makeSessionInput(),
      makeSessionInput({ capacity: 5, format: 'hybrid' }),
      makeSessionInput({ courseId: 'nope' }),
    ])

    expect(result.rows).toEqual([
      { row: 2, errors: [{ field: 'venue', message: expect.any(String) }] },
      { row: 3, errors: [{ field: 'courseId', message: expect.any(String) }] },
    ])
    expect(await deps.sessions.listSessions({ from: new Date(0), to: new Date('2100-01-01') })).toEqual([])
  })

  it('writes every row when all are right', async () => {
    const result = await scheduleSessions(deps, [makeSessionInput(), makeSessionInput({ status: 'draft' })])
    expect(result.rows).toEqual([])
    expect(await deps.sessions.listSessions({ from: new Date(0), to: new Date('2100-01-01') })).toHaveLength(
      2,
    )
  })
})

describe('setSessionStatus and editSession', () => {
  it('publishes a draft and takes it back to draft', async () => {
    const { id } = await scheduleSession(deps, makeSessionInput({ status: 'draft' }))
    expect((await setSessionStatus(deps, id, 'published')).status).toBe('published')
    expect((await setSessionStatus(deps, id, 'draft')).status).toBe('draft')
  })

  it('edits the details and keeps the counters the booking engine owns', async () => {
    const { id } = await scheduleSession(deps, makeSessionInput())
    const session = await editSession(
      deps,
      id,
      makeSessionInput({ title: 'Renamed', capacity: 12 }),
      'admin-1',
    )
    expect(session).toMatchObject({ title: 'Renamed', capacity: 12, heldCount: 0 })
  })

  it('refuses to edit a cancelled session', async () => {
    const { id } = await scheduleSession(deps, makeSessionInput())
    await cancelSession(deps, id, 'admin-1')
    await expect(editSession(deps, id, makeSessionInput(), 'admin-1')).rejects.toMatchObject({
      code: 'session-cancelled',
    })
  })
})
