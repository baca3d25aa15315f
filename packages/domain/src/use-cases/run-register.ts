import { DAY_MS } from '../config.ts'
import { AccessDeniedError, DomainError, ServiceBusyError } from '../errors.ts'
import type { RegisterDeps, RegisterScope } from '../register-ports.ts'
import { assertRangeWithin, QUERY_BOUNDS } from '../rules/query-bounds.ts'
import {
  applyRegisterChanges,
  attendanceCodeExpiry,
  isOnRegister,
  isRegisterLocked,
  REOPEN_DAYS,
  registerLocksAt,
  registerWrite,
} from '../rules/register-rules.ts'
import { canRunSession } from '../rules/staff-access.ts'
import { emptyRegisterPart, type RegisterChange, type RegisterPart } from '../schemas/attendance.ts'
import type { Booking } from '../schemas/booking.ts'
import { type Session, sessionEnd } from '../schemas/session.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'
import { settleAttendance } from './settle-attendance.ts'

/** Everything the register page of one part shows. */
export interface RegisterSheet {
  session: Session
  part: number
  register: RegisterPart
  /** Bookings holding a place: the people to mark. */
  booked: Booking[]
  /** The waiting list (and places on offer), in queue order. */
  waiting: Booking[]
  /** Cancelled too late to free the place for someone else: shown, never marked a no-show. */
  lateCancelled: Booking[]
  locked: boolean
  locksAt: Date
}

// A lost race means another write landed (or a transaction was in flight on the same items): the
// next attempt reads again after a jittered, growing wait, so a room checking in at once spreads out.
const WRITE_ATTEMPTS = 8
const BACKOFF_BASE_MS = 20

/** Waits before retry `n` (0 for the first): a random fraction of base × 2^n (full jitter). */
function backoff(n: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_BASE_MS * 2 ** n))
}

/**
 * The session, once the caller may run it: an unknown id answers 404 to anyone past the route's
 * role check, a session of someone else's 403.
 */
export async function sessionToRun(deps: RegisterDeps, principal: StaffPrincipal, sessionId: string) {
  const session = await deps.bookings.getSession(sessionId)
  if (!session) throw new DomainError('session-not-found')
  if (!canRunSession(principal, session)) {
    throw new AccessDeniedError(403, 'Only the trainers of this session and administrators can open it.')
  }
  return session
}

function assertPart(session: Session, part: number): void {
  if (!Number.isInteger(part) || part < 0 || part >= session.parts.length) {
    throw new DomainError('session-not-found', `This session has ${session.parts.length} part(s).`)
  }
}

/** Days before now and after it that a trainer's sessions cover when no range is asked for. */
export const MY_SESSIONS_DEFAULT = { daysBack: 365, daysAhead: 400 } as const

/**
 * The caller's sessions starting in [from, to) (default: 365 days back to 400 ahead): upcoming (not
 * yet ended at `now`) soonest first, past latest first. A range beyond `trainerSessionDays` throws
 * `beyond-bounds` before anything is read.
 */
export async function mySessions(
  deps: RegisterDeps,
  principal: StaffPrincipal,
  asked: { from?: Date; to?: Date } = {},
): Promise<{ upcoming: Session[]; past: Session[]; range: { from: Date; to: Date } }> {
  const now = deps.clock.now()
  const range = {
    from: asked.from ?? new Date(now.getTime() - MY_SESSIONS_DEFAULT.daysBack * DAY_MS),
    to: asked.to ?? new Date(now.getTime() + MY_SESSIONS_DEFAULT.daysAhead * DAY_MS),
  }
  assertRangeWithin(range, QUERY_BOUNDS.trainerSessionDays)
  // A range that ends before it starts holds no session (and is not a key condition DynamoDB takes).
  const sessions = range.to > range.from ? await deps.registers.trainerSessions(principal.sub, range) : []
  return {
    upcoming: sessions.filter((session) => sessionEnd(session) > now),
    past: sessions.filter((session) => sessionEnd(session) <= now).reverse(),
    range,
  }
}

/** One part's register with everyone booked, the waiting list and whether it is locked. */
export async function openRegister(
  deps: RegisterDeps,
  principal: StaffPrincipal,
  sessionId: string,
  part: number,
): Promise<RegisterSheet> {
  const session = await sessionToRun(deps, principal, sessionId)
  assertPart(session, part)
  const [register, bookings] = await Promise.all([
    deps.registers.getRegisterPart(sessionId, part),
    deps.registers.sessionBookings(sessionId),
  ])
  return sheet(deps, session, part, register ?? emptyRegisterPart(sessionId, part), bookings)
}

function sheet(
  deps: RegisterDeps,
  session: Session,
  part: number,
  register: RegisterPart,
  bookings: Booking[],
): RegisterSheet {
  const byTicket = (a: Booking, b: Booking) => (a.waitlistTicket ?? 0) - (b.waitlistTicket ?? 0)
  return {
    session,
    part,
    register,
    booked: bookings.filter((booking) => isOnRegister(booking.status)),
    waiting: bookings.filter((b) => b.status === 'waiting' || b.status === 'offered').sort(byTicket),
    lateCancelled: bookings.filter((booking) => booking.status === 'late-cancelled'),
    locked: isRegisterLocked(session, deps.clock.now(), register.reopenedUntil),
    locksAt: registerLocksAt(session),
  }
}

/**
 * Reads what a change needs of one part's register (its head and the people and keys of `scope`),
 * changes it and writes only what changed, again after a backoff on a lost race, so two trainers
 * marking at once both keep their marks. `change` answers undefined when there is nothing to write.
 * After `WRITE_ATTEMPTS` lost races it gives up with `ServiceBusyError` (503).
 */
export async function updateRegisterPart(
  deps: Pick<RegisterDeps, 'registers'>,
  sessionId: string,
  part: number,
  scope: RegisterScope,
  change: (register: RegisterPart) => RegisterPart | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    if (attempt > 0) await backoff(attempt - 1)
    const slice = await deps.registers.registerSlice(sessionId, part, scope)
    const next = change(slice.register)
    const write = next && registerWrite(slice, next)
    if (!write) return
    if (await deps.registers.writeRegister(write)) return
  }
  throw new ServiceBusyError(1)
}

/**
 * The people and keys a batch of changes names: what `updateRegisterPart` reads for them. People
 * who are bookings on the register (`bookingIds`) are not looked for among the walk-ins.
 */
export function changeScope(
  changes: readonly RegisterChange[],
  bookingIds?: ReadonlySet<string>,
): RegisterScope {
  const subjects = [...new Set(changes.map((c) => (c.kind === 'walk-in' ? c.walkIn.id : c.subject)))]
  return {
    subjects,
    keys: [...new Set(changes.map((c) => c.key))],
    ...(bookingIds ? { walkIns: subjects.filter((subject) => !bookingIds.has(subject)) } : {}),
  }
}

/**
 * Applies a trainer's changes (marks, notes, walk-ins, confirmed check-ins) to one part's register.
 * Changes already applied (by key) are skipped; a locked register refuses them all.
 */
export async function changeRegister(
  deps: RegisterDeps,
  principal: StaffPrincipal,
  sessionId: string,
  part: number,
  changes: readonly RegisterChange[],
): Promise<RegisterSheet> {
  const session = await sessionToRun(deps, principal, sessionId)
  assertPart(session, part)
  const bookings = await deps.registers.sessionBookings(sessionId)
  const bookingIds = new Set(bookings.filter((b) => isOnRegister(b.status)).map((b) => b.id))
  await updateRegisterPart(deps, sessionId, part, changeScope(changes, bookingIds), (current) => {
    const at = deps.clock.now()
    const result = applyRegisterChanges(current, changes, { by: principal.sub, at, bookingIds })
    if (result.applied === 0) return undefined
    if (isRegisterLocked(session, at, current.reopenedUntil)) throw lockedError()
    return result.register
  })
  // Settled even when every change was a replay, so a retry after a failure here completes it.
  const subjects = new Set(changes.flatMap((c) => (c.kind === 'walk-in' ? [] : [c.subject])))
  const settled = await settleAttendance(
    deps,
    session,
    [...subjects].filter((id) => bookingIds.has(id)),
    principal.sub,
  )
  const now = new Map(settled.map((booking) => [booking.id, booking]))
  const register =
    (await deps.registers.getRegisterPart(sessionId, part)) ?? emptyRegisterPart(sessionId, part)
  return sheet(
    deps,
    session,
    part,
    register,
    bookings.map((booking) => now.get(booking.id) ?? booking),
  )
}

/** A change to the head alone (code, reopening): no person's line is read. */
const NOBODY: RegisterScope = { subjects: [], keys: [] }

function lockedError(): DomainError {
  return new DomainError(
    'register-locked',
    'Registers lock 14 days after the session ends. Ask an administrator to reopen it.',
  )
}

/**
 * Shows a new six-digit attendance code for a part; participants check in with it on their manage
 * page until it expires. Showing a new code retires the previous one.
 */
export async function showAttendanceCode(
  deps: RegisterDeps,
  principal: StaffPrincipal,
  sessionId: string,
  part: number,
): Promise<{ code: string; expiresAt: Date }> {
  const session = await sessionToRun(deps, principal, sessionId)
  assertPart(session, part)
  const now = deps.clock.now()
  const code = deps.ids.newAttendanceCode()
  const expiresAt = attendanceCodeExpiry(now)
  await updateRegisterPart(deps, sessionId, part, NOBODY, (current) => {
    if (isRegisterLocked(session, now, current.reopenedUntil)) throw lockedError()
    return {
      ...current,
      code: { value: code, expiresAt: expiresAt.toISOString() },
      audit: [
        ...current.audit,
        { at: now.toISOString(), by: principal.sub, key: `code-${now.getTime()}-${code}`, action: 'code' },
      ],
    }
  })
  return { code, expiresAt }
}

/** An administrator lets every part's register take changes again for seven days. */
export async function reopenRegister(
  deps: RegisterDeps,
  principal: StaffPrincipal,
  sessionId: string,
): Promise<{ reopenedUntil: Date }> {
  if (!principal.roles.includes('admin')) {
    throw new AccessDeniedError(403, 'Only an administrator can reopen a register.')
  }
  const session = await deps.bookings.getSession(sessionId)
  if (!session) throw new DomainError('session-not-found')
  const now = deps.clock.now()
  const reopenedUntil = new Date(now.getTime() + REOPEN_DAYS * 24 * 60 * 60_000)
  for (const part of session.parts.keys()) {
    await updateRegisterPart(deps, sessionId, part, NOBODY, (current) => ({
      ...current,
      reopenedUntil: reopenedUntil.toISOString(),
      audit: [
        ...current.audit,
        {
          at: now.toISOString(),
          by: principal.sub,
          key: `reopen-${now.getTime()}`,
          action: 'reopen',
          value: reopenedUntil.toISOString(),
        },
      ],
    }))
  }
  return { reopenedUntil }
}
