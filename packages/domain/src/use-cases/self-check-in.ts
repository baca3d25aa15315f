import { DomainError, ServiceBusyError, ValidationError } from '../errors.ts'
import type { BookingDeps } from '../ports.ts'
import type { CodeAttemptStore, RegisterRepository } from '../register-ports.ts'
import {
  afterMiss,
  CODE_ATTEMPT_POLICY,
  type CodeAttemptPolicy,
  type CodeAttempts,
  lockEnd,
  TooManyAttemptsError,
} from '../rules/code-attempts.ts'
import {
  type Completion,
  checkAttendanceCode,
  completionOf,
  isOnRegister,
  isRegisterLocked,
} from '../rules/register-rules.ts'
import type { AttendanceMark, RegisterPart } from '../schemas/attendance.ts'
import type { Booking } from '../schemas/booking.ts'
import type { Course } from '../schemas/catalogue.ts'
import { openBooking } from './manage-booking.ts'
import { updateRegisterPart } from './run-register.ts'

/** A participant's attendance as their manage page shows it. */
export interface AttendanceSummary {
  parts: { part: number; mark?: AttendanceMark; checkedIn: boolean }[]
  /** By the course's completion rule; absent when the course is unknown. */
  completion?: Completion
}

/** What checking in with a code reads and writes. */
export type CheckInDeps = BookingDeps & {
  registers: RegisterRepository
  codeAttempts: CodeAttemptStore
  /** Default `CODE_ATTEMPT_POLICY`. */
  codeAttemptPolicy?: CodeAttemptPolicy
}

/**
 * Counts one wrong code against the booking, as a conditional write that reads again when another
 * attempt was counted first, and answers the count after it.
 */
async function countMiss(
  deps: CheckInDeps,
  bookingId: string,
  first: CodeAttempts | undefined,
  now: Date,
): Promise<CodeAttempts> {
  const policy = deps.codeAttemptPolicy ?? CODE_ATTEMPT_POLICY
  let current = first
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = afterMiss(current, now, policy)
    if (await deps.codeAttempts.save(bookingId, next, current)) return next
    current = await deps.codeAttempts.get(bookingId)
  }
  throw new ServiceBusyError(1)
}

/**
 * Checks a participant in to the part whose attendance code they typed, on their own booking
 * (opened by its manage token). The trainer still confirms the check-in. Checking in again is a
 * no-op; a wrong or expired code is refused naming the `code` field. Wrong codes are counted per
 * booking: the one that reaches `CODE_ATTEMPT_POLICY.maxMisses` within its window locks code entry
 * (`TooManyAttemptsError`, 429) for `lockMinutes`, during which even the right code is refused.
 */
export async function checkInWithCode(
  deps: CheckInDeps,
  bookingId: string,
  token: string,
  code: string,
): Promise<{ part: number }> {
  const { booking } = await openBooking(deps, bookingId, token)
  if (!isOnRegister(booking.status)) {
    throw new DomainError('invalid-transition', 'Only a booking with a confirmed place can check in.')
  }
  const now = deps.clock.now()
  const attempts = await deps.codeAttempts.get(booking.id)
  const locked = lockEnd(attempts, now)
  if (locked) throw new TooManyAttemptsError(locked, now)
  const session = await deps.bookings.getSession(booking.sessionId)
  if (!session) throw new DomainError('session-not-found')
  // Only each part's head (its code) and this person's line are read, however many are booked.
  const key = `check-in-${booking.id}`
  const scope = { subjects: [booking.id], keys: [key], walkIns: [] }
  const registers = await Promise.all(
    session.parts.map(
      async (_, part) => (await deps.registers.registerSlice(session.id, part, scope)).register,
    ),
  )
  const checks = registers.map((register) => ({ register, check: checkAttendanceCode(register, code, now) }))
  const match = checks.find(({ check }) => check === 'ok')?.register
  if (!match) {
    const expired = checks.some(({ check }) => check === 'expired')
    if (!expired) {
      const counted = lockEnd(await countMiss(deps, booking.id, attempts, now), now)
      if (counted) throw new TooManyAttemptsError(counted, now)
    }
    throw new ValidationError([
      {
        field: 'code',
        message: expired
          ? 'This attendance code has expired. Ask the trainer for a new one'
          : 'The attendance code is not right. Check the code the trainer is showing and try again',
      },
    ])
  }
  if (isRegisterLocked(session, now, match.reopenedUntil)) throw new DomainError('register-locked')
  // A lost race (the trainer marking this person, a double tap) is retried after a jittered backoff.
  await updateRegisterPart(deps, booking.sessionId, match.part, scope, (current) => {
    const entry = current.entries[booking.id] ?? {}
    if (entry.checkIn) return undefined
    return {
      ...current,
      entries: {
        ...current.entries,
        [booking.id]: { ...entry, checkIn: { at: now.toISOString(), confirmed: false } },
      },
      audit: [
        ...current.audit,
        { at: now.toISOString(), by: 'participant', key, action: 'check-in', subject: booking.id },
      ],
    }
  })
  return { part: match.part }
}

/**
 * Each part's register as far as one booking goes (the head and that person's line): what
 * `attendanceOf` needs, read without the rest of the room.
 */
export async function registersOf(
  registers: Pick<RegisterRepository, 'registerSlice'>,
  booking: Pick<Booking, 'id' | 'sessionId' | 'session'>,
): Promise<RegisterPart[]> {
  const scope = { subjects: [booking.id], keys: [], walkIns: [] }
  return Promise.all(
    booking.session.parts.map(
      async (_, part) => (await registers.registerSlice(booking.sessionId, part, scope)).register,
    ),
  )
}

/** What each part's register says of one booking, and whether the course was completed. */
export function attendanceOf(
  booking: Booking,
  registers: readonly RegisterPart[],
  course?: Pick<Course, 'completion'>,
): AttendanceSummary {
  const parts = booking.session.parts.map((_, part) => {
    const entry = registers.find((register) => register.part === part)?.entries[booking.id]
    return { part, ...(entry?.mark ? { mark: entry.mark } : {}), checkedIn: Boolean(entry?.checkIn) }
  })
  return course
    ? {
        parts,
        completion: completionOf(
          course.completion,
          parts.map((part) => part.mark),
        ),
      }
    : { parts }
}
