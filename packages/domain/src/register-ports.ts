import type { BookingRepository, CatalogueRepository, Clock, IdSource } from './ports.ts'
import type { CodeAttempts } from './rules/code-attempts.ts'
import type { RegisterPart } from './schemas/attendance.ts'
import type { Booking } from './schemas/booking.ts'
import type { Session } from './schemas/session.ts'

/** Storage of registers (one per session part) and the reads a trainer's pages need. */
export interface RegisterRepository {
  /** Every booking of a session, whatever its status, in booking order; read from an index. */
  sessionBookings(sessionId: string): Promise<Booking[]>
  /** One part's register, read consistently; undefined before anything is recorded. */
  getRegisterPart(sessionId: string, part: number): Promise<RegisterPart | undefined>
  /** Every part's register that has been written, read consistently. */
  registerParts(sessionId: string): Promise<RegisterPart[]>
  /**
   * Writes the register as version `register.version + 1`, only while the stored version is still
   * `register.version` (absent for 0); false when another write came first.
   */
  saveRegisterPart(register: RegisterPart): Promise<boolean>
  /** The sessions a trainer is assigned to, by start. */
  trainerSessions(trainerId: string): Promise<Session[]>
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
