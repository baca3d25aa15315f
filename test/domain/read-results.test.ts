import {
  type Booking,
  DomainError,
  type ResultsDeps,
  readResults,
  type StaffPrincipal,
  sessionStart,
} from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'
import { describe, expect, it } from 'vitest'
import {
  LEEDS,
  makeBooking,
  makePerson,
  makeQuestionnaireResponse,
  makeQuestionnaireTemplate,
  makeSession,
  WESTMINSTER,
} from '../support/factories.ts'
import { createInMemoryQuestionnaires, inMemoryResultsReaders } from '../support/in-memory-questionnaires.ts'

const session = makeSession({ id: 'session-1', trainerIds: ['trainer-amira'] })
const admin: StaffPrincipal = { sub: 'admin', roles: ['admin'], laCodes: [] }
const amira: StaffPrincipal = { sub: 'trainer-amira', roles: ['trainer'], laCodes: [] }
const ben: StaffPrincipal = { sub: 'trainer-ben', roles: ['trainer'], laCodes: [] }
const leedsOfficer: StaffPrincipal = { sub: 'la-leeds', roles: ['la-officer'], laCodes: [LEEDS] }

/** Two attended bookings from Leeds and one from Westminster, each answering pre and post, and one cancelled. */
function world(): ResultsDeps {
  const store = createInMemoryQuestionnaires()
  const preTemplate = makeQuestionnaireTemplate({ id: 'tpl-pre', kind: 'pre' })
  store.addTemplate(preTemplate)
  store.addTemplate(makeQuestionnaireTemplate())
  const people: [string, string, Booking['status']][] = [
    ['b1', LEEDS, 'attended'],
    ['b2', LEEDS, 'attended'],
    ['b3', WESTMINSTER, 'attended'],
    ['b4', LEEDS, 'cancelled'],
  ]
  const bookings = people.map(([id, laCode, status]) =>
    makeBooking({ id, sessionId: session.id, status, person: makePerson({ laCode }) }),
  )
  for (const [bookingId, laCode, status] of people) {
    if (status === 'cancelled') continue
    const answers = { confidence: 2, comments: `from ${bookingId}` }
    store.addResponse(
      makeQuestionnaireResponse({ bookingId, laCode, kind: 'pre', templateId: 'tpl-pre', answers }),
    )
    store.addResponse(
      makeQuestionnaireResponse({ bookingId, laCode, answers: { ...answers, confidence: 4 } }),
    )
  }
  return {
    sessions: {
      getSession: async (id) => (id === session.id ? session : undefined),
      listSessions: async ({ from, to }) =>
        [session].filter((s) => sessionStart(s) >= from && sessionStart(s) < to),
    },
    registers: { sessionBookings: async (id) => (id === session.id ? bookings : []) },
    ...inMemoryResultsReaders(store),
    las: localAuthorities,
  }
}

describe('readResults', () => {
  it('shows administrators every raw figure and the free text', async () => {
    const report = await readResults(world(), admin, { sessionId: session.id })
    expect(report.results.responses).toEqual({ pre: 3, post: 3, followUp: 0, matched: 3, invited: 3 })
    expect(report.results.ratings[0]).toMatchObject({ tag: 'confidence', n: 3, meanBefore: 2, meanAfter: 4 })
    expect(report.freeText?.map((question) => question.answers.length)).toEqual([3, 3])
  })

  it('shows the session’s own trainer the raw figures and free text, and refuses another trainer', async () => {
    const report = await readResults(world(), amira, { sessionId: session.id })
    expect(report.results.ratings[0]?.n).toBe(3)
    expect(report.freeText).toBeDefined()
    await expect(readResults(world(), ben, { sessionId: session.id })).rejects.toMatchObject({ status: 403 })
    await expect(
      readResults(world(), ben, { from: new Date('2026-01-01'), to: new Date('2027-01-01') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('shows an LA officer only their LA’s people, suppressed, without free text', async () => {
    const report = await readResults(world(), leedsOfficer, { sessionId: session.id })
    expect(report.results.responses).toEqual({ pre: 'c', post: 'c', followUp: 0, matched: 'c', invited: 'c' })
    expect(report.results.ratings[0]).toMatchObject({ n: 'c', meanBefore: 'c' })
    expect(report).not.toHaveProperty('freeText')
  })

  it('refuses an LA officer the results of another LA, whatever else the query says', async () => {
    for (const query of [
      { sessionId: session.id, la: WESTMINSTER },
      { la: WESTMINSTER, from: new Date('2026-01-01'), to: new Date('2027-01-01') },
    ]) {
      await expect(readResults(world(), leedsOfficer, query)).rejects.toMatchObject({ status: 403 })
    }
  })

  it('narrows to an LA or a region for an administrator', async () => {
    const leeds = await readResults(world(), admin, { sessionId: session.id, la: LEEDS })
    expect(leeds.results.responses).toMatchObject({ pre: 2, invited: 2 })
    const london = await readResults(world(), admin, { sessionId: session.id, region: 'E12000007' })
    expect(london.results.responses).toMatchObject({ pre: 1, invited: 1 })
  })

  it('reads the sessions of a course in a period', async () => {
    const query = { courseId: session.courseId, from: new Date('2026-01-01'), to: new Date('2027-01-01') }
    const report = await readResults(world(), admin, query)
    expect(report).toMatchObject({ sessions: 1, results: { responses: { post: 3 } } })
    const other = await readResults(world(), admin, { ...query, courseId: 'another-course' })
    expect(other).toMatchObject({ sessions: 0, results: { responses: { post: 0 } } })
  })

  it('names the missing field when neither a session nor a period is given', async () => {
    await expect(readResults(world(), admin, { courseId: session.courseId })).rejects.toMatchObject({
      fieldErrors: [{ field: 'from' }],
    })
    await expect(readResults(world(), admin, { sessionId: 'missing' })).rejects.toBeInstanceOf(DomainError)
  })
})
