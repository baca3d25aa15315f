import { DomainError, ServiceBusyError } from '../errors.ts'
import type { RegisterDeps } from '../register-ports.ts'
import { attendanceStatus, isOnRegister } from '../rules/register-rules.ts'
import type { RegisterPart } from '../schemas/attendance.ts'
import type { Booking } from '../schemas/booking.ts'
import type { Session } from '../schemas/session.ts'

// Each round either finds nothing to change or lost a race to a writer that read newer marks.
const SETTLE_ATTEMPTS = 5

/**
 * Brings each named booking's status in line with its marks on every part's register
 * (`attendanceStatus`), through the state machine, after a register write. It reads the marks
 * and the bookings afresh and repeats until nothing is left to change, so a stale round lost to a
 * concurrent writer is corrected, and running it again changes nothing. Walk-ins and bookings
 * not on the register are left alone. Answers the bookings as they now are.
 */
export async function settleAttendance(
  deps: Pick<RegisterDeps, 'bookings' | 'registers' | 'catalogue' | 'clock'>,
  session: Session,
  bookingIds: readonly string[],
  by: string,
): Promise<Booking[]> {
  if (bookingIds.length === 0) return []
  const course = await deps.catalogue.getCourse(session.courseId)
  // A course removed from the catalogue still has registers: every part is then needed.
  const rule = course?.completion ?? { kind: 'all-parts' as const }
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    const [registers, read] = await Promise.all([
      // The named people's lines on each part only: a room of thousands is not read per batch.
      Promise.all(
        session.parts.map(
          async (_, part) =>
            (
              await deps.registers.registerSlice(session.id, part, {
                subjects: bookingIds,
                keys: [],
                walkIns: [],
              })
            ).register,
        ),
      ),
      Promise.all(bookingIds.map((id) => deps.bookings.getBooking(id))),
    ])
    const bookings = read.filter((booking): booking is Booking => booking !== undefined)
    const changes = bookings.flatMap((booking) => {
      if (!isOnRegister(booking.status)) return []
      const to = attendanceStatus(rule, marksOf(booking, registers))
      return to === booking.status ? [] : [{ booking, to }]
    })
    if (changes.length === 0) return bookings
    const at = deps.clock.now()
    await Promise.all(
      changes.map(({ booking, to }) =>
        deps.bookings
          .changeStatus({ bookingId: booking.id, from: booking.status, to, by, at })
          .catch((error: unknown) => {
            // Another writer changed the booking first: the next round reads what it did.
            if (!(error instanceof DomainError && error.code === 'invalid-transition')) throw error
          }),
      ),
    )
  }
  throw new ServiceBusyError(1)
}

/** The booking's mark at each part of its session, unmarked parts as undefined. */
export function marksOf(booking: Booking, registers: readonly RegisterPart[]) {
  return booking.session.parts.map(
    (_, part) => registers.find((register) => register.part === part)?.entries[booking.id]?.mark,
  )
}
