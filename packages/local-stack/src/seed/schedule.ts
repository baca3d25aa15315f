import { planSession, type Session, type SessionInput, type SessionStore } from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'
import { COURSES } from './catalogue.ts'

/**
 * How many demo sessions are seeded side by side: each writes only its own items, so they do not
 * contend (each session's bookings go one after another).
 */
export const SESSIONS_AT_ONCE = 4

/**
 * Schedules a demo session as an administrator's form does at `now` (the same plan, the same
 * store), under its fixed id. One already there is saved again as it is: an interrupted seed may
 * have stopped after the session's write and before its trainers' index items, which the save puts.
 */
export async function scheduleDemoSession(
  store: SessionStore,
  demo: { id: string; input: SessionInput },
  now: Date,
): Promise<Session> {
  const existing = await store.getSession(demo.id)
  if (existing) {
    await store.saveSession(existing, existing.status)
    return existing
  }
  const course = COURSES.find((c) => c.id === demo.input.courseId)
  const plan = planSession(demo.input, { course, las: localAuthorities, now, newId: () => demo.id })
  if (!plan.session) throw new Error(`Demo session ${demo.id} is invalid: ${JSON.stringify(plan.errors)}`)
  await store.createSessions([plan.session])
  return plan.session
}
