import {
  bookSession,
  type Course,
  cancelBooking,
  preReminderAt,
  type Session,
  sendQuestionnaireInvitations,
} from '@ey/domain'
import { describe, expect, it, vi } from 'vitest'
import {
  DAY,
  HOUR,
  MINUTE,
  makeCourse,
  makePerson,
  makeQuestionnaireResponse,
  makeSession,
  partAt,
} from '../support/factories.ts'
import { createInMemoryInvitationStore } from '../support/in-memory-invitations.ts'
import { createInMemoryQuestionnaires } from '../support/in-memory-questionnaires.ts'
import { makeAdminDeps } from '../support/session-admin.ts'

const START = '2026-03-16T16:00:00.000Z'
const END = '2026-03-16T17:30:00.000Z'
const at = (base: string, ms = 0) => new Date(new Date(base).getTime() + ms)

/** In-memory dependencies of the job, with a session stored and its look written as the session store writes it. */
async function world(
  session: Session = makeSession({ id: 'ses-a', capacity: 1, startsAt: START }),
  course: Course = makeCourse(),
) {
  const deps = makeAdminDeps()
  const invitations = createInMemoryInvitationStore()
  const questionnaires = createInMemoryQuestionnaires()
  await deps.sessions.createSessions([session])
  invitations.sync(session)
  invitations.watch(deps.bookings)
  const job = {
    invitations,
    sessions: deps.sessions,
    registers: { sessionBookings: async (id: string) => deps.bookings.bookingsOf(id) },
    questionnaires,
    catalogue: { getCourse: async (id: string) => (id === course.id ? course : undefined) },
  }
  const book = (email: string) =>
    bookSession(deps, { sessionId: session.id, idempotencyKey: email, person: makePerson({ email }) })
  const sent = () => invitations.queued.map((m) => [m.bookingId, m.invitation])
  const run = (now: Date) => sendQuestionnaireInvitations(job, now)
  return { deps, invitations, questionnaires, book, sent, run }
}

describe('sendQuestionnaireInvitations', () => {
  it('invites a confirmed place to pre once, 10 minutes after booking, and a person promoted from the waiting list after the promotion', async () => {
    const { deps, book, sent, run, invitations } = await world()
    const ada = await book('ada@x.org')
    const bea = (await book('bea@x.org')).booking.id

    const booked = deps.clock.now().toISOString()
    expect(await run(at(booked, 5 * MINUTE))).toEqual({ looked: 1, queued: 0, finished: 0 })
    expect(await run(at(booked, 10 * MINUTE))).toEqual({ looked: 1, queued: 1, finished: 0 })
    expect(await run(at(booked, 15 * MINUTE))).toEqual({ looked: 0, queued: 0, finished: 0 })
    expect(sent()).toEqual([[ada.booking.id, 'pre']])
    expect(invitations.queued[0]).toEqual({
      id: `questionnaire-pre-${ada.booking.id}`,
      kind: 'questionnaire-invitation',
      bookingId: ada.booking.id,
      invitation: 'pre',
      createdAt: at(booked, 10 * MINUTE).toISOString(),
    })

    deps.clock.advance(DAY)
    await cancelBooking(deps, ada.booking.id, ada.manageToken)
    await run(at(deps.clock.now().toISOString(), 10 * MINUTE))
    expect(sent()).toEqual([
      [ada.booking.id, 'pre'],
      [bea, 'pre'],
    ])
  })

  it('looks at a session on sale only once published, 10 minutes after each place is confirmed, and when the pre reminder falls due', async () => {
    const { deps, book, sent, run, invitations } = await world(
      makeSession({ id: 'ses-a', capacity: 5, startsAt: START }),
    )
    const published = deps.clock.now().getTime()
    const setNextLook = vi.spyOn(invitations, 'setNextLook')
    const ada = (await book('ada@x.org')).booking.id
    deps.clock.advance(3 * DAY)
    const bea = (await book('bea@x.org')).booking.id
    const beaBooked = deps.clock.now().getTime()

    const looks: string[] = []
    for (let t = published; t < at(START).getTime(); t += 5 * MINUTE) {
      if ((await run(new Date(t))).looked > 0) looks.push(new Date(t).toISOString())
    }
    expect(looks).toEqual([
      new Date(published).toISOString(),
      at(new Date(published).toISOString(), 10 * MINUTE).toISOString(),
      at(new Date(beaBooked).toISOString(), 10 * MINUTE).toISOString(),
      preReminderAt({ parts: [partAt(START)] }).toISOString(),
    ])
    expect(sent()).toEqual([
      [ada, 'pre'],
      [bea, 'pre'],
      [ada, 'pre-reminder'],
      [bea, 'pre-reminder'],
    ])
    // The session's own look: to the reminder, then to the end, when post opens.
    expect(setNextLook.mock.calls.filter(([look]) => !look.bookingId).map(([, next]) => next)).toEqual([
      preReminderAt({ parts: [partAt(START)] }),
      at(END),
    ])
  })

  it('reminds of pre 2 days before only those who have not answered it', async () => {
    const session = makeSession({ id: 'ses-b', capacity: 5, startsAt: START })
    const { deps, book, sent, run, questionnaires } = await world(session)
    const ada = (await book('ada@x.org')).booking.id
    const bea = (await book('bea@x.org')).booking.id
    await run(at(deps.clock.now().toISOString(), 10 * MINUTE))
    questionnaires.addResponse(makeQuestionnaireResponse({ bookingId: bea, sessionId: 'ses-b', kind: 'pre' }))

    await run(at(START, -2 * DAY - 5 * MINUTE))
    await run(at(START, -2 * DAY))
    await run(at(START, -2 * DAY + 5 * MINUTE))
    expect(sent()).toEqual([
      [ada, 'pre'],
      [bea, 'pre'],
      [ada, 'pre-reminder'],
    ])
  })

  it('invites attended bookings to post at the end, one marked later at the next hourly look, and nobody else', async () => {
    const session = makeSession({ id: 'ses-c', capacity: 5, startsAt: START })
    const { deps, book, sent, run, invitations } = await world(session)
    const [ada, bea, cai] = [
      (await book('ada@x.org')).booking.id,
      (await book('bea@x.org')).booking.id,
      (await book('cai@x.org')).booking.id,
    ]
    await run(at(deps.clock.now().toISOString(), 10 * MINUTE))
    const mark = (bookingId: string, to: 'attended' | 'no-show', when: Date) =>
      deps.bookings.changeStatus({ bookingId, from: 'confirmed', to, by: 'trainer', at: when })
    await mark(ada, 'attended', at(START, 10 * MINUTE))
    await mark(cai, 'no-show', at(START, 10 * MINUTE))

    await run(at(START, 5 * MINUTE))
    expect(invitations.dueAt('ses-c')).toBe(END)
    await run(at(END))
    expect(sent().filter(([, kind]) => kind === 'post')).toEqual([[ada, 'post']])

    await mark(bea, 'attended', at(END, 20 * MINUTE))
    expect(await run(at(END, 30 * MINUTE))).toEqual({ looked: 0, queued: 0, finished: 0 })
    expect(await run(at(END, HOUR))).toEqual({ looked: 1, queued: 1, finished: 0 })
    expect(await run(at(END, 2 * HOUR))).toEqual({ looked: 1, queued: 0, finished: 0 })
    expect(sent()).toEqual([
      [ada, 'pre'],
      [bea, 'pre'],
      [cai, 'pre'],
      [ada, 'post'],
      [bea, 'post'],
    ])
  })

  it('after downtime through the whole post window, sends no post and invites to follow-up when it opens', async () => {
    const session = makeSession({ id: 'ses-d', capacity: 5, startsAt: START })
    const { deps, book, sent, run, invitations } = await world(session)
    const ada = (await book('ada@x.org')).booking.id
    await run(at(deps.clock.now().toISOString(), 10 * MINUTE))
    await deps.bookings.changeStatus({
      bookingId: ada,
      from: 'confirmed',
      to: 'attended',
      by: 'trainer',
      at: at(END),
    })

    const restarted = at(END, 15 * DAY)
    expect(await run(restarted)).toEqual({ looked: 1, queued: 0, finished: 0 })
    expect(invitations.dueAt('ses-d')).toBe(at(END, 42 * DAY).toISOString())
    expect(await run(at(END, 42 * DAY))).toMatchObject({ queued: 1 })
    expect(sent()).toEqual([
      [ada, 'pre'],
      [ada, 'follow-up'],
    ])
    expect(await run(at(END, 70 * DAY))).toEqual({ looked: 1, queued: 0, finished: 1 })
    expect(await run(at(END, 71 * DAY))).toEqual({ looked: 0, queued: 0, finished: 0 })
  })

  it('stops looking at a session that is no longer published', async () => {
    const session = makeSession({ id: 'ses-e', startsAt: START })
    const { deps, run, invitations } = await world(session)
    await deps.bookings.putSession({ ...session, status: 'cancelled' })
    expect(await run(deps.clock.now())).toEqual({ looked: 1, queued: 0, finished: 1 })
    expect(invitations.dueAt('ses-e')).toBeUndefined()
  })

  it('keeps to the windows of the session’s course where it sets its own', async () => {
    const session = makeSession({ id: 'ses-e', capacity: 5, startsAt: START })
    const course = makeCourse({ questionnaireDays: { post: 7, followUpAfter: 21, followUpOpen: 14 } })
    const { deps, book, sent, run, invitations } = await world(session, course)
    const ada = (await book('ada@x.org')).booking.id
    await run(at(deps.clock.now().toISOString(), 10 * MINUTE))
    await deps.bookings.changeStatus({
      bookingId: ada,
      from: 'confirmed',
      to: 'attended',
      by: 'trainer',
      at: at(END),
    })

    expect(await run(at(END, 8 * DAY))).toEqual({ looked: 1, queued: 0, finished: 0 })
    expect(invitations.dueAt('ses-e')).toBe(at(END, 21 * DAY).toISOString())
    expect(await run(at(END, 21 * DAY))).toMatchObject({ queued: 1 })
    expect(sent()).toEqual([
      [ada, 'pre'],
      [ada, 'follow-up'],
    ])
    expect(await run(at(END, 35 * DAY))).toEqual({ looked: 1, queued: 0, finished: 1 })
  })
})
