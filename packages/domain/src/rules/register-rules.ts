import { MINUTE_MS } from '../config.ts'
import { ValidationError } from '../errors.ts'
import type { RegisterSlice, RegisterWrite } from '../register-ports.ts'
import type { AttendanceMark, AuditEntry, RegisterChange, RegisterPart } from '../schemas/attendance.ts'
import type { BookingStatus } from '../schemas/booking.ts'
import type { Course } from '../schemas/catalogue.ts'
import { type Session, sessionEnd } from '../schemas/session.ts'

const DAY_MS = 24 * 60 * MINUTE_MS

/** Days after a session's end during which its register takes changes. */
export const REGISTER_LOCK_DAYS = 14

/** How long an attendance code works once shown. */
export const ATTENDANCE_CODE_MINUTES = 15

/** When a reopened register locks again. */
export const REOPEN_DAYS = 7

/** When the register of a session locks: 14 days after its last part ends. */
export function registerLocksAt(session: Pick<Session, 'parts'>): Date {
  return new Date(sessionEnd(session).getTime() + REGISTER_LOCK_DAYS * DAY_MS)
}

/** Whether changes are refused at `now`; an administrator's reopening lifts the lock until its end. */
export function isRegisterLocked(
  session: Pick<Session, 'parts'>,
  now: Date,
  reopenedUntil?: string,
): boolean {
  if (reopenedUntil && now < new Date(reopenedUntil)) return false
  return now >= registerLocksAt(session)
}

/** Only bookings that hold a place are marked; waiting, offered and cancelled ones are listed apart. */
export function isOnRegister(status: BookingStatus): boolean {
  return status === 'confirmed' || status === 'attended' || status === 'no-show'
}

/** Present and late count as attending a part; left early does not complete it. */
export function attendedPart(mark: AttendanceMark | undefined): boolean {
  return mark === 'present' || mark === 'late'
}

export type Completion = 'complete' | 'not-complete' | 'pending'

/**
 * Whether a person completed the course, by its rule, from their marks per part: `pending` while
 * some part is unmarked and completion is still possible.
 */
export function completionOf(
  rule: Course['completion'],
  marks: readonly (AttendanceMark | undefined)[],
): Completion {
  const needed = rule.kind === 'all-parts' ? marks.length : Math.min(rule.parts, marks.length)
  const attended = marks.filter(attendedPart).length
  const unmarked = marks.filter((mark) => mark === undefined).length
  if (attended >= needed) return 'complete'
  return attended + unmarked >= needed && unmarked > 0 ? 'pending' : 'not-complete'
}

/** The statuses the register decides between. */
export type AttendanceStatus = Extract<BookingStatus, 'confirmed' | 'attended' | 'no-show'>

/**
 * The status a booking's marks give it: `attended` once complete by the course's rule, `no-show`
 * only when every part is marked `absent`, and `confirmed` otherwise. Apologies (told us they
 * could not come) and left-early are never a no-show: such a booking stays confirmed, not complete.
 */
export function attendanceStatus(
  rule: Course['completion'],
  marks: readonly (AttendanceMark | undefined)[],
): AttendanceStatus {
  if (completionOf(rule, marks) === 'complete') return 'attended'
  if (marks.length > 0 && marks.every((mark) => mark === 'absent')) return 'no-show'
  return 'confirmed'
}

/** Who and when a change is made, and which people it may name. */
export interface ChangeContext {
  by: string
  at: Date
  /** Booking ids on the register (holding a place); walk-ins are known from the register itself. */
  bookingIds: ReadonlySet<string>
}

/**
 * Applies a device's changes to a part's register, in order. A change whose key the register has
 * already seen is skipped, so a replayed offline queue applies nothing twice. Unknown people are
 * refused, naming the change at fault.
 */
export function applyRegisterChanges(
  register: RegisterPart,
  changes: readonly RegisterChange[],
  context: ChangeContext,
): { register: RegisterPart; applied: number } {
  const seen = new Set(register.audit.map((entry) => entry.key))
  const entries = { ...register.entries }
  const walkIns = [...register.walkIns]
  const audit = [...register.audit]
  const at = context.at.toISOString()
  let applied = 0
  for (const [index, change] of changes.entries()) {
    if (seen.has(change.key)) continue
    seen.add(change.key)
    const entry: AuditEntry = { at, by: context.by, key: change.key, action: change.kind }
    if (change.kind === 'walk-in') {
      if (!walkIns.some((walkIn) => walkIn.id === change.walkIn.id)) walkIns.push(change.walkIn)
      audit.push({ ...entry, subject: change.walkIn.id })
      applied++
      continue
    }
    const known =
      context.bookingIds.has(change.subject) || walkIns.some((walkIn) => walkIn.id === change.subject)
    if (!known) {
      throw new ValidationError([
        { field: `changes.${index}.subject`, message: 'This person is not on the register of this session' },
      ])
    }
    const current = entries[change.subject] ?? {}
    if (change.kind === 'mark') {
      entries[change.subject] = { ...current, mark: change.mark }
      audit.push({ ...entry, subject: change.subject, value: change.mark })
    } else if (change.kind === 'clear-mark') {
      const { mark: _cleared, ...rest } = current
      entries[change.subject] = rest
      audit.push({ ...entry, subject: change.subject })
    } else if (change.kind === 'note') {
      entries[change.subject] = change.note ? { ...current, note: change.note } : withoutNote(current)
      // The note itself stays on the entry only: the audit says that it changed, not what it says.
      audit.push({ ...entry, subject: change.subject })
    } else {
      if (!current.checkIn) {
        throw new ValidationError([
          { field: `changes.${index}.subject`, message: 'This person has not checked in with the code' },
        ])
      }
      entries[change.subject] = {
        ...current,
        mark: 'present',
        checkIn: { ...current.checkIn, confirmed: true },
      }
      audit.push({ ...entry, subject: change.subject, value: 'present' })
    }
    applied++
  }
  return { register: { ...register, entries, walkIns, audit }, applied }
}

function withoutNote(entry: RegisterPart['entries'][string]) {
  const { note: _note, ...rest } = entry
  return rest
}

/**
 * What to write to turn a slice's register into `next` (a change of the slice's register): the
 * head when the code or reopening changed, the lines that changed, the walk-ins and the audit
 * entries added, each with the version it was read at; undefined when nothing changed.
 */
export function registerWrite(slice: RegisterSlice, next: RegisterPart): RegisterWrite | undefined {
  const before = slice.register
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const headChanged = !same(before.code, next.code) || before.reopenedUntil !== next.reopenedUntil
  const lines = Object.entries(next.entries)
    .filter(([subject, entry]) => !same(before.entries[subject], entry))
    .map(([subject, entry]) => ({ subject, entry, version: slice.lineVersions[subject] ?? 0 }))
  const known = new Set(before.walkIns.map((walkIn) => walkIn.id))
  const walkIns = next.walkIns.filter((walkIn) => !known.has(walkIn.id))
  const audit = next.audit.slice(before.audit.length)
  if (!headChanged && lines.length === 0 && walkIns.length === 0 && audit.length === 0) return undefined
  return {
    sessionId: next.sessionId,
    part: next.part,
    ...(headChanged
      ? {
          head: {
            ...(next.code ? { code: next.code } : {}),
            ...(next.reopenedUntil ? { reopenedUntil: next.reopenedUntil } : {}),
            version: before.version,
          },
        }
      : {}),
    lines,
    walkIns,
    audit,
  }
}

export type CodeCheck = 'ok' | 'wrong' | 'expired'

/** Whether `code` is the part's attendance code and still works at `now` (spaces ignored). */
export function checkAttendanceCode(register: RegisterPart, code: string, now: Date): CodeCheck {
  if (!register.code || register.code.value !== code.replace(/\s+/g, '')) return 'wrong'
  return now < new Date(register.code.expiresAt) ? 'ok' : 'expired'
}

/** The expiry of a code shown at `now`. */
export function attendanceCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + ATTENDANCE_CODE_MINUTES * MINUTE_MS)
}
