import {
  BOOKING_STATUSES,
  type Booking,
  computeResults,
  ERASED_EMAIL,
  erasedBooking,
  erasedResponse,
  isPastRetention,
  laTakeUp,
  monthsBefore,
  normaliseEmail,
  pseudonym,
  type QuestionnaireResponse,
  ROLES,
  SETTING_TYPES,
  takeUpFacts,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { takeUpChange } from '../../packages/dynamodb/src/take-up-changes.ts'
import {
  LEEDS,
  makeBooking,
  makeCourse,
  makePerson,
  makeQuestionnaireResponse,
  makeQuestionnaireTemplate,
  makeSnapshot,
  partAt,
  WESTMINSTER,
} from '../support/factories.ts'

const ERASED_AT = new Date('2029-01-01T03:00:00Z')
const las = { regionOf: (code: string) => (code === LEEDS ? 'E12000003' : 'E12000007') }

/**
 * Bookings from few people, settings and URNs, so the same person and setting recur: names
 * written in ways `normaliseSettingName` takes as one, addresses in any case, and URNs that a
 * name given without one may match.
 */
const drawnBooking = fc.record({
  email: fc.constantFrom('ada@example.org', 'ADA@example.org ', 'ben@example.org', 'cat@example.org'),
  settingName: fc.constantFrom(
    'Little Acorns',
    'little acorns ltd',
    'The Little Acorns',
    'Sunny Days',
    'Élan',
  ),
  ofstedUrn: fc.constantFrom(undefined, '123456', '7654321'),
  settingType: fc.constantFrom(...SETTING_TYPES),
  role: fc.constantFrom(...ROLES),
  status: fc.constantFrom(...BOOKING_STATUSES),
  laCode: fc.constantFrom(LEEDS, LEEDS, WESTMINSTER),
  startsAt: fc.constantFrom('2026-10-06T15:00:00Z', '2027-03-10T10:00:00Z', '2027-08-31T22:30:00Z'),
  courseId: fc.constantFrom('slcn-core', 'autism-first'),
  erased: fc.boolean(),
})

type Drawn = typeof drawnBooking extends fc.Arbitrary<infer T> ? T : never

function toBooking(drawn: Drawn, i: number): Booking {
  const { email, settingName, ofstedUrn, settingType, role, laCode } = drawn
  return makeBooking({
    id: `b${i}`,
    status: drawn.status,
    person: makePerson({
      email,
      settingName,
      settingType,
      role,
      laCode,
      ...(ofstedUrn ? { ofstedUrn } : {}),
    }),
    emailKey: normaliseEmail(email),
    session: makeSnapshot({ courseId: drawn.courseId, parts: [partAt(drawn.startsAt)] }),
  })
}

const courses = [makeCourse(), makeCourse({ id: 'autism-first', title: 'Autism', topics: ['autism'] })]
const YEAR = { from: '2026-09-01', to: '2027-08-31' }

describe('erasing bookings keeps every figure', () => {
  it('an LA’s take-up (bookings, people, settings, months, courses, roles, setting types, demand) is the same before and after any bookings are erased', () => {
    fc.assert(
      fc.property(fc.array(drawnBooking, { maxLength: 30 }), (drawn) => {
        const before = drawn.map(toBooking)
        const after = before.map((booking, i) =>
          drawn[i]?.erased ? erasedBooking(booking, ERASED_AT) : booking,
        )
        for (const laCode of [LEEDS, WESTMINSTER]) {
          const input = { laCode, period: YEAR, courses, openAlerts: [] }
          const inLa = (bookings: Booking[]) => bookings.filter((booking) => booking.person.laCode === laCode)
          expect(laTakeUp({ ...input, bookings: inLa(after) })).toEqual(
            laTakeUp({ ...input, bookings: inLa(before) }),
          )
        }
      }),
      { numRuns: 200 },
    )
  })

  it('the aggregates kept from the stream (England, regions, LAs: counts and distinct people and settings) do not move when a booking is erased', () => {
    fc.assert(
      fc.property(drawnBooking, (drawn) => {
        const booking = toBooking(drawn, 1)
        const change = takeUpChange(takeUpFacts(booking), takeUpFacts(erasedBooking(booking, ERASED_AT)), las)
        expect(change.days.size + change.months.size + change.markers.size).toBe(0)
      }),
      { numRuns: 200 },
    )
  })

  it('results are the same after free text is removed, and the free text is gone', () => {
    const template = makeQuestionnaireTemplate()
    const responses: QuestionnaireResponse[] = [1, 2, 3].map((n) =>
      makeQuestionnaireResponse({
        bookingId: `b${n}`,
        answers: {
          confidence: n + 2,
          knowledge: 4,
          useful: true,
          recommend: n > 1,
          comments: `Ask ${n} about Sam`,
        },
      }),
    )
    const erased = responses.map((response) => erasedResponse(response, template))
    const input = { templates: [template], answerable: { pre: 3, post: 3, followUp: 3 } }
    expect(computeResults({ ...input, responses: erased })).toEqual(computeResults({ ...input, responses }))
    expect(JSON.stringify(erased)).not.toContain('Sam')
    expect(erasedResponse(responses[0] as QuestionnaireResponse, undefined).answers).toEqual({})
  })
})

describe('erasedBooking', () => {
  const booking = makeBooking({
    person: makePerson({
      name: 'Ada Lovelace',
      email: 'Ada@Example.org',
      ofstedUrn: '123456',
      accessNeeds: 'A ramp',
    }),
    emailKey: 'ada@example.org',
  })

  it('keeps nothing that names the person, and is erased once', () => {
    const erased = erasedBooking(booking, ERASED_AT)
    const text = JSON.stringify(erased)
    for (const personal of ['Ada', 'ada@example.org', 'Little Acorns', '123456', 'A ramp', 'hash']) {
      expect(text).not.toContain(personal)
    }
    expect(erased).toMatchObject({
      person: { email: ERASED_EMAIL, role: booking.person.role, laCode: LEEDS, settingType: 'childminder' },
      emailKey: pseudonym('ada@example.org'),
      erasedAt: ERASED_AT.toISOString(),
    })
    expect(erasedBooking(erased, new Date('2030-01-01T00:00:00Z'))).toBe(erased)
  })

  it('is due 24 months after the session’s last part ends, not before', () => {
    const end = new Date(booking.session.parts.at(-1)?.endsAt as string)
    const due = monthsBefore(new Date(end), -24)
    expect(isPastRetention(booking, due, 24)).toBe(true)
    expect(isPastRetention(booking, new Date(due.getTime() - 1), 24)).toBe(false)
    expect(monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z')
  })
})
