import type { BookingRepository, CatalogueRepository, Clock, IdSource } from './ports.ts'
import type { CodeAttempts } from './rules/code-attempts.ts'
import type { AttendanceCode, AuditEntry, RegisterEntry, RegisterPart, WalkIn } from './schemas/attendance.ts'
import type { Booking } from './schemas/booking.ts'
import type { Session } from './schemas/session.ts'

/**
 * What a change reads of one part's register: its head (code, reopening), the lines and walk-ins
 * of the people it names and the audit entries of the keys it carries, with the versions the
 * write is conditioned on. `register` holds only those, so its size does not grow with the room.
 */
export interface RegisterSlice {
  /** The head's state and version, and the named lines, walk-ins and audit entries found. */
  register: RegisterPart
  /** The version of each named line that exists (0 or absent: not written yet). */
  lineVersions: Record<string, number>
}

/** Which people and which change keys a slice reads. */
export interface RegisterScope {
  subjects: readonly string[]
  keys: readonly string[]
  /** Which of `subjects` may be walk-ins, whose walk-in items are read too; all of them when absent. */
  walkIns?: readonly string[]
}

/**
 * One write to a part's register, made of small items: the head, one line per person changed,
 * the walk-ins added and one audit entry per change. Each line and the head are written only
 * while their version is still the one read; each audit entry only when its key is new.
 */
export interface RegisterWrite {
  sessionId: string
  part: number
  head?: { code?: AttendanceCode; reopenedUntil?: string; version: number }
  lines: { subject: string; entry: RegisterEntry; version: number }[]
  walkIns: WalkIn[]
  audit: AuditEntry[]
}

/** Storage of registers (one set of items per session part) and the reads a trainer's pages need. */
export interface RegisterRepository {
  /** Every booking of a session, whatever its status, in booking order; read from an index. */
  sessionBookings(sessionId: string): Promise<Booking[]>
  /** One part's whole register, every page read consistently; undefined before anything is recorded. */
  getRegisterPart(sessionId: string, part: number): Promise<RegisterPart | undefined>
  /** Every part's whole register that has been written, read consistently. */
  registerParts(sessionId: string): Promise<RegisterPart[]>
  /** The head, and the lines, walk-ins and audit entries of `scope`, of one part, read consistently. */
  registerSlice(sessionId: string, part: number, scope: RegisterScope): Promise<RegisterSlice>
  /**
   * Writes the head, lines, walk-ins and audit entries, in transactions of at most 100 items (a
   * person's line with that person's audit entries); false when a version moved or a key was
   * already recorded, after which the caller reads again (an earlier transaction may have landed).
   */
  writeRegister(write: RegisterWrite): Promise<boolean>
  /** The sessions a trainer is assigned to that start in [from, to), by start. */
  trainerSessions(trainerId: string, range: { from: Date; to: Date }): Promise<Session[]>
}

/** Everything the register use cases need. */
export interface RegisterDeps {
  bookings: BookingRepository
  registers: RegisterRepository
  catalogue: CatalogueRepository
  clock: Clock
  ids: IdSource
}

/**
 * Wrong attendance codes typed per booking, kept in storage (not in memory) so the limit holds
 * across every instance of the API, and forgotten by TTL once the window and lock are over.
 */
export interface CodeAttemptStore {
  /** The booking's count, read consistently; undefined when it has none. */
  get(bookingId: string): Promise<CodeAttempts | undefined>
  /**
   * Writes `next` only while the stored count is still `current` (absent for undefined); false when
   * another attempt was counted first, so the caller reads again.
   */
  save(bookingId: string, next: CodeAttempts, current: CodeAttempts | undefined): Promise<boolean>
}
