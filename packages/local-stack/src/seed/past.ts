import {
  answerErrors,
  applyRegisterChanges,
  type Booking,
  bookingFingerprint,
  changeScope,
  currentTemplate,
  DomainError,
  draftBooking,
  fromLondon,
  type QuestionnaireKind,
  type QuestionnaireTemplate,
  questionnaireWindows,
  type RegisterChange,
  type Session,
  sessionEnd,
  sessionStart,
  settleAttendance,
  updateRegisterPart,
} from '@ey/domain'
import { markInvited } from './invited.ts'
import { type DemoRatings, type Draw, demoAnswers, demoMarks, demoRatings } from './past-answers.ts'
import { type PastSession, pastSessions } from './past-sessions.ts'
import { demoPerson } from './people.ts'
import { SESSIONS_AT_ONCE, scheduleDemoSession } from './schedule.ts'
import type { SeedDeps } from './seed.ts'
import { mulberry32 } from './sessions.ts'

/** What seeding last term wrote. */
export interface PastReport {
  sessions: number
  bookings: number
  /** Questionnaire responses of every kind. */
  responses: number
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** How many answer each kind when they may: most before, fewer after, fewer still weeks later. */
const ANSWER_RATE: Record<QuestionnaireKind, number> = { pre: 0.85, post: 0.8, 'follow-up': 0.5 }

/**
 * Last term, as it happened: sessions scheduled weeks ahead, people booking in the weeks before,
 * registers marked by the trainer at each part (so `settleAttendance` makes bookings attended or
 * no-show as a real register does), and pre, post and follow-up answers given inside their
 * windows, in the course's current templates. Deterministic from `now`'s London date; safe to run
 * again (each write is idempotent).
 */
export async function seedPast(deps: SeedDeps, today: string): Promise<PastReport> {
  const now = deps.clock.now()
  const templates = new Map<string, Promise<QuestionnaireTemplate>>()
  const templateOf = (courseId: string, kind: QuestionnaireKind) => {
    const key = `${courseId}#${kind}`
    const found = templates.get(key) ?? currentTemplate(deps.questionnaires, courseId, kind)
    templates.set(key, found)
    return found
  }
  const plans = pastSessions(today)
  const reports: PastReport[] = []
  for (let i = 0; i < plans.length; i += SESSIONS_AT_ONCE) {
    const batch = plans.slice(i, i + SESSIONS_AT_ONCE)
    reports.push(
      ...(await Promise.all(
        batch.map((plan, j) => seedPastSession({ ...deps, templateOf }, plan, i + j, now)),
      )),
    )
  }
  return reports.reduce(
    (total, report) => ({
      sessions: total.sessions + report.sessions,
      bookings: total.bookings + report.bookings,
      responses: total.responses + report.responses,
    }),
    { sessions: 0, bookings: 0, responses: 0 },
  )
}

type PastDeps = SeedDeps & {
  templateOf(courseId: string, kind: QuestionnaireKind): Promise<QuestionnaireTemplate>
}

async function seedPastSession(deps: PastDeps, plan: PastSession, index: number, now: Date) {
  const draw = mulberry32(7919 * (index + 1))
  const start = fromInput(plan)
  // Scheduled six weeks ahead, as administrators do for a term.
  const scheduledAt = new Date(start.getTime() - 42 * DAY_MS)
  const session = await scheduleDemoSession(deps.sessions, plan, scheduledAt)
  const booked: Booking[] = []
  for (let p = 0; p < plan.people; p++) {
    const person = demoPerson(5000 + index * 100 + p, plan.laCodes[p % plan.laCodes.length])
    const id = `${session.id}-b${String(p).padStart(3, '0')}`
    const at = new Date(scheduledAt.getTime() + (p + 1) * 20 * HOUR_MS).toISOString()
    const { booking } = await deps.bookings.placeBooking({
      booking: draftBooking(deps, { id, session, person, at }),
      idempotency: {
        key: `seed-${id}`,
        fingerprint: bookingFingerprint(deps.fingerprints, session.id, person),
      },
      outbox: {},
    })
    booked.push(booking)
  }
  await markInvited(
    deps,
    session.id,
    booked.map((booking) => booking.id),
    now,
  )
  const marked = await markRegisters(deps, session, booked, draw)
  // Drawn in order first, then written together: the same draws whatever order the writes finish in.
  const answering = marked.flatMap((booking) => {
    const ratings = demoRatings(draw)
    return (['pre', 'post', 'follow-up'] as const).map((kind) => ({
      session,
      booking,
      kind,
      ratings,
      roll: draw(),
      when: draw(),
      seed: Math.floor(draw() * 2 ** 31),
      now,
    }))
  })
  const answered = await Promise.all(answering.map((one) => answer(deps, one)))
  const responses = answered.filter(Boolean).length
  return { sessions: 1, bookings: booked.length, responses }
}

function fromInput(plan: PastSession): Date {
  const first = plan.input.parts[0]
  return first ? fromLondon(first.date, first.startTime) : new Date(Number.NaN)
}

/** Each part's register marked by the session's trainer as it ended, then the bookings settled. */
async function markRegisters(deps: PastDeps, session: Session, booked: Booking[], draw: Draw) {
  const trainer = session.trainerIds[0] ?? 'admin'
  const marks = new Map(booked.map((booking) => [booking.id, demoMarks(session.parts.length, draw)]))
  const bookingIds = new Set(booked.map((booking) => booking.id))
  for (const [part, { endsAt }] of session.parts.entries()) {
    const changes: RegisterChange[] = booked.map((booking) => ({
      kind: 'mark',
      key: `seed-${booking.id}-${part}`,
      subject: booking.id,
      mark: marks.get(booking.id)?.[part] ?? 'present',
    }))
    await updateRegisterPart(deps, session.id, part, changeScope(changes, bookingIds), (current) => {
      const result = applyRegisterChanges(current, changes, { by: trainer, at: new Date(endsAt), bookingIds })
      return result.applied === 0 ? undefined : result.register
    })
  }
  const settledAt = sessionEnd(session)
  return settleAttendance({ ...deps, clock: { now: () => settledAt } }, session, [...bookingIds], trainer)
}

interface Answering {
  session: Session
  booking: Booking
  kind: QuestionnaireKind
  ratings: DemoRatings
  /** Draws made in order beforehand: whether it answered, when, and a seed for its answers. */
  roll: number
  when: number
  seed: number
  now: Date
}

/**
 * One booking's answer to one kind, when its window had opened by `now` and the draw says it
 * answered: given at a point inside the window (so never in the future). Pre was answered while
 * the place was held, so people later marked absent answered it too.
 */
async function answer(deps: PastDeps, { session, booking, kind, ratings, roll, when, seed, now }: Answering) {
  const mayAnswer = kind === 'pre' ? booking.status !== 'cancelled' : booking.status === 'attended'
  if (!mayAnswer || roll >= ANSWER_RATE[kind]) return false
  const window = questionnaireWindows(booking, session, now).find((w) => w.kind === kind)
  if (!window) return false
  const opens = window.opensAt.getTime()
  const closes = Math.min(window.closesAt.getTime(), now.getTime())
  if (closes <= opens) return false
  const template = await deps.templateOf(session.courseId, kind)
  const answers = demoAnswers(template, ratings, kind !== 'pre', mulberry32(seed))
  const errors = answerErrors(template, answers)
  if (errors.length > 0) throw new Error(`Demo answers do not fit ${template.id}: ${JSON.stringify(errors)}`)
  try {
    await deps.questionnaires.saveResponse({
      bookingId: booking.id,
      kind,
      templateId: template.id,
      version: template.version,
      sessionId: session.id,
      courseId: session.courseId,
      laCode: booking.person.laCode,
      sessionStartsAt: sessionStart(session).toISOString(),
      answers,
      submittedAt: new Date(opens + Math.floor(when * (closes - opens))).toISOString(),
    })
  } catch (error) {
    // A seed interrupted after this answer finds it stored.
    if (!(error instanceof DomainError && error.code === 'questionnaire-answered')) throw error
  }
  return true
}
