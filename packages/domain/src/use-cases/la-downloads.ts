import { AccessDeniedError } from '../errors.ts'
import type { QuestionnaireStore } from '../questionnaire-ports.ts'
import type { RegisterRepository } from '../register-ports.ts'
import { type CourseMonthTally, tallyCourseMonth } from '../rules/course-month-table.ts'
import { attendedPart } from '../rules/register-rules.ts'
import { canSeeLa } from '../rules/staff-access.ts'
import { type DayRange, reportPeriod, takeUpFacts } from '../rules/take-up.ts'
import type { AccessAuditAction } from '../schemas/access-audit.ts'
import type { RegisterPart } from '../schemas/attendance.ts'
import type { Booking } from '../schemas/booking.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'
import type { LaBookings } from '../take-up-ports.ts'
import { recordStaffRead, type StaffReadDeps } from './access-audit.ts'
import { marksOf } from './settle-attendance.ts'

/** What recording a read of an LA's data needs. */
export type LaReadDeps = StaffReadDeps

/** A read of an LA's data, as the audit log records it. */
export interface LaRead {
  action: AccessAuditAction
  laCode: string
  period: DayRange
  rows?: number
}

/** 403 unless the caller may see the LA: an LA officer their own LAs, an administrator any. */
export function assertCanSeeLa(principal: StaffPrincipal, laCode: string): void {
  if (!canSeeLa(principal, laCode)) {
    throw new AccessDeniedError(403, 'You can see only the local authorities you work for.')
  }
}

/**
 * The period an LA read asks for (see `reportPeriod`), once the caller is known to see the LA, so
 * that a caller outside the LA learns nothing from how their query is answered.
 */
export function laReadPeriod(
  principal: StaffPrincipal,
  laCode: string,
  asked: Partial<DayRange>,
  now: Date,
): DayRange {
  assertCanSeeLa(principal, laCode)
  return reportPeriod(asked, now)
}

/**
 * Lets a read of an LA's data go ahead: 403 unless the caller may see the LA, then the audit
 * entry, written before anything is shown, so a read that cannot be recorded fails instead of
 * going unrecorded.
 */
export async function recordLaRead(deps: LaReadDeps, principal: StaffPrincipal, read: LaRead): Promise<void> {
  assertCanSeeLa(principal, read.laCode)
  await recordStaffRead(deps, principal, read)
}

/** A part's attendance as an LA sees it: attended (present or late), marked otherwise, or not marked. */
export type PartAttendance = 'present' | 'absent' | 'unmarked'

/** One line of an LA's attendee list: a booking, its attendance per part, and which questionnaires it answered. */
export interface LaAttendee {
  booking: Booking
  attendance: PartAttendance[]
  answered: { pre: boolean; post: boolean }
}

/** What the attendee list reads: the LA's bookings, registers by session, and answers by key. */
export interface LaAttendeeDeps {
  laBookings: LaBookings
  registers: Pick<RegisterRepository, 'registerParts'>
  questionnaires: Pick<QuestionnaireStore, 'forBookings'>
}

/**
 * The LA's attendee list for the period, a page of bookings at a time: every booking (any status)
 * of a person who agreed to share their attendance with their LA, as the booking is now (read again
 * consistently after the index found it), so someone who no longer agrees is left out of the next
 * list. An agreement given a moment ago may wait for the index; a withdrawal never does. Each session's registers are read
 * once while its bookings are listed (they come together, in start order) and dropped after, and
 * the answers of a page are read by key in one batch.
 */
export async function* laAttendees(
  deps: LaAttendeeDeps,
  laCode: string,
  period: DayRange,
): AsyncGenerator<LaAttendee[]> {
  let registers = new Map<string, RegisterPart[]>()
  const sharing = (booking: Booking) => booking.person.shareWithLa === true
  for await (const page of deps.laBookings.pages(laCode, period)) {
    // The index may lag a change made a moment ago: each booking it lists as shared is read again
    // from the table, so a withdrawal leaves the person out of the very next list.
    const listed = (await deps.laBookings.current(page.filter(sharing))).filter(sharing)
    if (listed.length === 0) continue
    const sessionIds = [...new Set(listed.map((booking) => booking.sessionId))]
    // The registers and the answers read together: neither needs the other.
    const [parts, responses] = await Promise.all([
      Promise.all(sessionIds.map((id) => registers.get(id) ?? deps.registers.registerParts(id))),
      deps.questionnaires.forBookings(listed.map((booking) => booking.id)),
    ])
    registers = new Map(sessionIds.map((id, index) => [id, parts[index] ?? []]))
    const answered = new Set(responses.map((response) => `${response.bookingId}#${response.kind}`))
    yield listed.map((booking) => ({
      booking,
      attendance: attendanceOf(booking, registers.get(booking.sessionId) ?? []),
      answered: { pre: answered.has(`${booking.id}#pre`), post: answered.has(`${booking.id}#post`) },
    }))
  }
}

function attendanceOf(booking: Booking, registers: RegisterPart[]): PartAttendance[] {
  return marksOf(booking, registers).map((mark) => {
    if (mark === undefined) return 'unmarked'
    return attendedPart(mark) ? 'present' : 'absent'
  })
}

/**
 * The LA's counts by course and month over the period, of everyone from the LA whether they
 * agreed to share or not (counts are not lists), as `takeUpFacts` counts each booking.
 */
export async function laCourseMonths(
  deps: { laBookings: Pick<LaBookings, 'pages'> },
  laCode: string,
  period: DayRange,
): Promise<CourseMonthTally> {
  const tally: CourseMonthTally = new Map()
  for await (const page of deps.laBookings.pages(laCode, period)) {
    for (const booking of page) tallyCourseMonth(tally, takeUpFacts(booking))
  }
  return tally
}
