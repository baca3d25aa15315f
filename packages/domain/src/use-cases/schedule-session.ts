import { DomainError, type FieldError, ValidationError } from '../errors.ts'
import type { BookingDeps, CatalogueRepository, SessionStore } from '../ports.ts'
import type { Course } from '../schemas/catalogue.ts'
import type { Session } from '../schemas/session.ts'
import type { SessionInput } from '../schemas/session-form.ts'
import { type AlertSendingDeps, queueInterestAlerts } from './alert-sending.ts'
import { changeCapacity } from './change-capacity.ts'
import { planSession, type SessionPlan } from './plan-session.ts'
import { updateLiveBookings } from './reschedule-session.ts'

/** What the administrators' session use cases need (publishing one sends the interest alerts it matches). */
export interface SessionAdminDeps extends BookingDeps, AlertSendingDeps {
  sessions: SessionStore
  catalogue: Pick<CatalogueRepository, 'getCourse'>
}

/** Sessions imported in one go: one DynamoDB transaction holds at most 100 writes. */
export const MAX_IMPORT_ROWS = 100

/** One row's errors in a batch, numbered from 1 in the order given. */
export interface RowErrors {
  row: number
  errors: FieldError[]
}

/** Schedules one session, as a draft or published (then the interest alerts it matches are sent). */
export async function scheduleSession(deps: SessionAdminDeps, input: SessionInput): Promise<Session> {
  const course = await deps.catalogue.getCourse(input.courseId)
  const plan = planSession(input, { course, las: deps.las, now: deps.clock.now(), newId: deps.ids.newId })
  if (!plan.session) throw new ValidationError(plan.errors)
  await deps.sessions.createSessions([plan.session])
  await announce(deps, [plan.session])
  return plan.session
}

/** Checks every row of a batch without writing anything: the sessions it would make, or each row's errors. */
export async function checkSessionBatch(
  deps: SessionAdminDeps,
  inputs: SessionInput[],
): Promise<{ sessions: Session[]; rows: RowErrors[]; plans: SessionPlan[] }> {
  const courses = new Map<string, Course | undefined>()
  for (const id of new Set(inputs.map((input) => input.courseId))) {
    courses.set(id, await deps.catalogue.getCourse(id))
  }
  const now = deps.clock.now()
  const plans = inputs.map((input) =>
    planSession(input, { course: courses.get(input.courseId), las: deps.las, now, newId: deps.ids.newId }),
  )
  const sessions = plans.flatMap((plan) => (plan.session ? [plan.session] : []))
  const rows = plans.flatMap((plan, i) => (plan.session ? [] : [{ row: i + 1, errors: plan.errors }]))
  return { sessions, rows, plans }
}

/** Schedules every session of a batch, or none: all rows are checked first, then written in one go. */
export async function scheduleSessions(
  deps: SessionAdminDeps,
  inputs: SessionInput[],
): Promise<{ sessions: Session[]; rows: RowErrors[] }> {
  if (inputs.length > MAX_IMPORT_ROWS) {
    throw new ValidationError(
      [{ field: 'body', message: `Import at most ${MAX_IMPORT_ROWS} sessions at a time` }],
      `Import at most ${MAX_IMPORT_ROWS} sessions at a time.`,
    )
  }
  const checked = await checkSessionBatch(deps, inputs)
  if (checked.rows.length > 0 || checked.sessions.length === 0) return { sessions: [], rows: checked.rows }
  await deps.sessions.createSessions(checked.sessions)
  await announce(deps, checked.sessions)
  return { sessions: checked.sessions, rows: [] }
}

/**
 * Edits a session: its details, its capacity (never below the places held; raising it gives the
 * new places to the waiting list) and its parts or place (each live booking's copy is updated and
 * its holder told). A cancelled session cannot be edited. A draft published by the edit sends the
 * interest alerts it matches.
 */
export async function editSession(
  deps: SessionAdminDeps,
  sessionId: string,
  input: SessionInput,
  by: string,
): Promise<Session> {
  const existing = await openForChange(deps, sessionId)
  const course = await deps.catalogue.getCourse(input.courseId)
  const plan = planSession(input, {
    course,
    las: deps.las,
    now: deps.clock.now(),
    existing,
    newId: deps.ids.newId,
  })
  if (!plan.session) throw new ValidationError(plan.errors)
  if (input.capacity < existing.capacity) await changeCapacity(deps, sessionId, input.capacity)
  await deps.sessions.saveSession(plan.session, existing.status)
  if (input.capacity > existing.capacity) await changeCapacity(deps, sessionId, input.capacity)
  await updateLiveBookings(deps, plan.session, by)
  const saved = (await deps.sessions.getSession(sessionId)) ?? plan.session
  if (existing.status === 'draft') await announce(deps, [saved])
  return saved
}

/**
 * Publishes a draft (it lists and takes bookings per its window, and the interest alerts it
 * matches are sent) or takes a published one back to draft.
 */
export async function setSessionStatus(
  deps: SessionAdminDeps,
  sessionId: string,
  status: 'draft' | 'published',
): Promise<Session> {
  const existing = await openForChange(deps, sessionId)
  if (existing.status === status) return existing
  const session: Session = { ...existing, status, updatedAt: deps.clock.now().toISOString() }
  await deps.sessions.saveSession(session, existing.status)
  const saved = (await deps.sessions.getSession(sessionId)) ?? session
  await announce(deps, [saved])
  return saved
}

/**
 * Tells the people waiting for sessions like these of each one that is published (drafts alert
 * nobody). Runs after the sessions are written: a failure here leaves them published, and the
 * alerts it did not reach open for the next matching session.
 */
export async function announce(deps: AlertSendingDeps, sessions: Session[]): Promise<void> {
  for (const session of sessions) await queueInterestAlerts(deps, session)
}

/** The session to change; refuses unknown and cancelled ones. */
export async function openForChange(deps: Pick<SessionAdminDeps, 'sessions'>, sessionId: string) {
  const session = await deps.sessions.getSession(sessionId)
  if (!session) throw new DomainError('session-not-found')
  if (session.status === 'cancelled') throw new DomainError('session-cancelled')
  return session
}
