import { readTrainerDigest, sendTrainerDigests } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makeBooking, makePerson, makeSession, partAt } from '../support/factories.ts'
import { makeReminderDeps } from '../support/reminder-world.ts'

const at = (instant: string, offsetMs = 0) => new Date(new Date(instant).getTime() + offsetMs)

type Deps = ReturnType<typeof makeReminderDeps>

const digests = (deps: Deps) =>
  deps.queued.map((m) => (m.kind === 'trainer-digest' ? `${m.staffSub} ${m.date}` : m.kind))

/** Sessions run by the trainers named, stored through the session store. */
async function schedule(deps: Deps, ...sessions: [id: string, startsAt: string, trainers: string[]][]) {
  await deps.sessions.createSessions(
    sessions.map(([id, startsAt, trainerIds]) => makeSession({ id, startsAt, trainerIds })),
  )
}

describe('sendTrainerDigests', () => {
  it('queues one digest per trainer with a part tomorrow at 07:00 London, and nothing more when run again', async () => {
    const deps = makeReminderDeps()
    await schedule(
      deps,
      ['a', '2026-03-16T10:00:00.000Z', ['trainer-amira', 'trainer-ben']],
      ['b', '2026-03-16T16:00:00.000Z', ['trainer-ben']],
      ['c', '2026-03-17T16:00:00.000Z', ['trainer-chloe']],
      ['d', '2026-03-16T16:00:00.000Z', []],
    )
    expect(await sendTrainerDigests(deps, at('2026-03-15T07:00:00.000Z', -1))).toEqual({
      queued: 0,
      stale: 0,
    })
    expect(await sendTrainerDigests(deps, at('2026-03-15T07:00:00.000Z'))).toEqual({ queued: 2, stale: 0 })
    expect(await sendTrainerDigests(deps, at('2026-03-15T07:00:00.000Z'))).toEqual({ queued: 0, stale: 0 })
    expect(digests(deps)).toEqual(['trainer-amira 2026-03-16', 'trainer-ben 2026-03-16'])
    expect(deps.queued[0]).toEqual({
      id: 'trainer-digest-trainer-amira-2026-03-16',
      kind: 'trainer-digest',
      staffSub: 'trainer-amira',
      date: '2026-03-16',
      createdAt: '2026-03-15T07:00:00.000Z',
    })
  })

  it('catches up after downtime without sending a digest of a day already past', async () => {
    const deps = makeReminderDeps()
    await schedule(
      deps,
      ['past', '2026-03-16T16:00:00.000Z', ['trainer-amira']],
      ['today', '2026-03-17T16:00:00.000Z', ['trainer-ben']],
      ['tomorrow', '2026-03-18T16:00:00.000Z', ['trainer-chloe']],
    )
    expect(await sendTrainerDigests(deps, at('2026-03-17T07:00:00.000Z'))).toEqual({ queued: 2, stale: 1 })
    expect(digests(deps)).toEqual(['trainer-ben 2026-03-17', 'trainer-chloe 2026-03-18'])
  })

  it.each([
    // The day before Monday 30 March is the first day of BST: 07:00 London is 06:00 UTC.
    ['March', '2026-03-30T15:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30'],
    // The day before Monday 26 October is the first day of GMT again: 07:00 London is 07:00 UTC.
    ['October', '2026-10-26T16:00:00.000Z', '2026-10-25T07:00:00.000Z', '2026-10-26'],
  ])(
    'sends the digest at 07:00 London on the day the clocks change in %s',
    async (_, startsAt, sevenAm, date) => {
      const deps = makeReminderDeps()
      await schedule(deps, ['s', startsAt, ['trainer-amira']])
      await sendTrainerDigests(deps, at(sevenAm, -1))
      expect(digests(deps)).toEqual([])
      await sendTrainerDigests(deps, at(sevenAm))
      expect(digests(deps)).toEqual([`trainer-amira ${date}`])
    },
  )

  it('adds nobody for a session cancelled before its digest', async () => {
    const deps = makeReminderDeps()
    const session = makeSession({
      id: 's',
      startsAt: '2026-03-16T16:00:00.000Z',
      trainerIds: ['trainer-amira'],
    })
    await deps.sessions.createSessions([session])
    // Written around the store: the entry stays due while the session says otherwise.
    deps.bookings.putSession({ ...session, status: 'cancelled' })
    expect(await sendTrainerDigests(deps, at('2026-03-15T07:00:00.000Z'))).toEqual({ queued: 0, stale: 1 })
  })
})

describe('readTrainerDigest', () => {
  it('lists the trainer’s parts of the day with numbers booked and waiting, and the access needs of those booked', async () => {
    const deps = makeReminderDeps()
    const parts = [partAt('2026-03-16T16:00:00.000Z'), partAt('2026-03-23T16:00:00.000Z')]
    await deps.sessions.createSessions([makeSession({ id: 's', parts, trainerIds: ['trainer-amira'] })])
    const booking = (
      id: string,
      status: 'confirmed' | 'waiting' | 'offered' | 'cancelled',
      accessNeeds?: string,
    ) =>
      deps.bookings.putBooking(
        makeBooking({
          id,
          sessionId: 's',
          status,
          person: makePerson({ name: `Person ${id}`, ...(accessNeeds ? { accessNeeds } : {}) }),
        }),
      )
    booking('b1', 'confirmed', 'Step-free access, please')
    booking('b2', 'confirmed')
    booking('b3', 'waiting', 'A hearing loop')
    booking('b4', 'offered')
    booking('b5', 'cancelled', 'Large print')

    const digest = await readTrainerDigest(deps, 'trainer-amira', '2026-03-23')
    expect(digest?.trainer.email).toBe('trainer-amira@staff.example.org')
    expect(digest?.parts.map(({ session, ...part }) => ({ session: session.id, ...part }))).toEqual([
      {
        session: 's',
        part: 1,
        booked: 2,
        waiting: 2,
        accessNeeds: [{ name: 'Person b1', needs: 'Step-free access, please' }],
      },
    ])
  })

  it('is empty for someone not in the directory, a day without their parts, or a cancelled session', async () => {
    const deps = makeReminderDeps()
    const session = makeSession({
      id: 's',
      startsAt: '2026-03-16T16:00:00.000Z',
      trainerIds: ['trainer-amira'],
    })
    await deps.sessions.createSessions([session])
    expect(await readTrainerDigest(deps, 'nobody', '2026-03-16')).toBeUndefined()
    expect(await readTrainerDigest(deps, 'trainer-amira', '2026-03-17')).toBeUndefined()
    deps.bookings.putSession({ ...session, status: 'cancelled' })
    expect(await readTrainerDigest(deps, 'trainer-amira', '2026-03-16')).toBeUndefined()
  })
})
