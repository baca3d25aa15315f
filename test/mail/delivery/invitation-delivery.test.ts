import {
  type Booking,
  type Course,
  type InvitationKind,
  type Material,
  type OutgoingEmail,
  type QuestionnaireKind,
  snapshotOf,
} from '@ey/domain'
import { type DeliveryDeps, deliver } from '@ey/mail'
import { describe, expect, it } from 'vitest'
import { READS_FINDING_NOTHING, recordingMailer } from '../../support/delivery-deps.ts'
import { fakeClock, makeBooking, makeCourse, makeSession } from '../../support/factories.ts'
import { makeLinkMaterial } from '../../support/material-contract.ts'

const SITE_URL = 'https://training.example.org'
const START = '2026-03-16T16:00:00.000Z'
const END = '2026-03-16T17:30:00.000Z'
const session = makeSession({ id: 'ses-1', startsAt: START })

/** Delivery of an invitation to `booking` at `now`, with `answered` given and the course `course`. */
async function deliverInvitation(
  invitation: InvitationKind,
  {
    booking,
    now,
    answered = [],
    course = makeCourse(),
    materials = [],
  }: {
    booking: Booking
    now: string
    answered?: QuestionnaireKind[]
    course?: Course
    materials?: Material[]
  },
) {
  const sent: OutgoingEmail[] = []
  const deps: DeliveryDeps = {
    ...READS_FINDING_NOTHING,
    bookings: {
      getBooking: async (id) => (id === booking.id ? booking : undefined),
      getSession: async (id) => (id === session.id ? session : undefined),
      waitlistPosition: async () => undefined,
    },
    tokens: { issue: (id) => `token-of-${id}` },
    mailer: recordingMailer(sent),
    siteUrl: SITE_URL,
    calendarDomain: 'training.example.org',
    lookup: { liveBookingsOf: async () => [] },
    clock: fakeClock(now),
    catalogue: { getCourse: async (id) => (id === course.id ? course : undefined) },
    answers: { hasAnswered: async (_, kind) => answered.includes(kind) },
    materials: {
      listOf: async (owner) =>
        materials.filter((m) => m.owner.kind === owner.kind && m.owner.id === owner.id),
    },
  }
  const message = {
    id: `questionnaire-${invitation}-${booking.id}`,
    kind: 'questionnaire-invitation' as const,
    bookingId: booking.id,
    invitation,
    createdAt: now,
  }
  return { delivery: await deliver(deps, message), sent }
}

const confirmed = makeBooking({
  id: 'bk-1',
  sessionId: 'ses-1',
  session: snapshotOf(session),
  createdAt: '2026-03-02T09:00:00.000Z',
})
const attended = { ...confirmed, status: 'attended' as const }

describe('delivering a questionnaire invitation', () => {
  it('sends pre with the link to the questionnaire, token in the fragment', async () => {
    const { delivery, sent } = await deliverInvitation('pre', {
      booking: confirmed,
      now: '2026-03-10T09:00:00.000Z',
    })
    expect(delivery).toEqual({ outcome: 'sent', messageId: 'm-1' })
    expect(sent[0]?.to).toBe('amira.khan@example.test')
    expect(sent[0]?.text).toContain(`${SITE_URL}/questionnaire/#id=bk-1&token=token-of-bk-1&kind=pre`)
  })

  it.each([
    [
      'answered since it was queued',
      'pre-reminder',
      confirmed,
      '2026-03-14T16:00:00.000Z',
      ['pre'],
      'questionnaire-answered',
    ],
    ['queued before the start but sent after it', 'pre', confirmed, START, [], 'questionnaire-closed'],
    [
      'to a booking cancelled since',
      'pre',
      { ...confirmed, status: 'cancelled' as const },
      '2026-03-10T09:00:00.000Z',
      [],
      'questionnaire-closed',
    ],
    ['post after its 14 days', 'post', attended, '2026-03-30T17:30:00.000Z', [], 'questionnaire-closed'],
  ] as const)('skips an invitation %s', async (_, kind, booking, now, answered, reason) => {
    const { delivery, sent } = await deliverInvitation(kind, { booking, now, answered: [...answered] })
    expect(delivery).toEqual({ outcome: 'skipped', reason })
    expect(sent).toEqual([])
  })

  it('post: links the certificate’s download when the course offers it on attendance alone', async () => {
    const course = makeCourse({ certificateOn: 'attendance' })
    const { sent } = await deliverInvitation('post', { booking: attended, now: END, course })
    expect(sent[0]?.text).toContain('Your certificate of attendance is ready.')
    expect(sent[0]?.text).toContain(`${SITE_URL}/questionnaire/#id=bk-1&token=token-of-bk-1&kind=post`)
  })

  it('post: says the certificate comes once the questionnaire is answered, by default', async () => {
    const { sent } = await deliverInvitation('post', { booking: attended, now: END })
    expect(sent[0]?.text).toContain(
      'Your certificate of attendance comes once you have answered the questionnaire',
    )
  })

  it('post: lists the materials of the session and of its course by title', async () => {
    const materials = [
      makeLinkMaterial({ owner: { kind: 'session', id: 'ses-1' }, title: 'Slides from the evening' }),
      makeLinkMaterial({ owner: { kind: 'course', id: session.courseId }, title: 'Course handbook' }),
      makeLinkMaterial({ owner: { kind: 'session', id: 'another-session' }, title: 'Not this one' }),
    ]
    const { sent } = await deliverInvitation('post', { booking: attended, now: END, materials })
    expect(sent[0]?.text).toContain(
      'Materials on your booking page:\n  Slides from the evening\n  Course handbook\n',
    )
    expect(sent[0]?.text).not.toContain('Not this one')
  })
})
