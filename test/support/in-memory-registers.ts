import type { RegisterPart, RegisterRepository } from '@ey/domain'
import type { InMemoryBookingRepository } from './in-memory-bookings.ts'

/**
 * The register port in memory, over an in-memory booking repository: versioned writes refused
 * on a stale version, like the DynamoDB adapter's condition. Trainer assignments are not kept.
 */
export function createInMemoryRegisters(bookings: InMemoryBookingRepository): RegisterRepository {
  const parts = new Map<string, RegisterPart>()
  const key = (sessionId: string, part: number) => `${sessionId}#${part}`
  return {
    sessionBookings: async (sessionId) => bookings.bookingsOf(sessionId),
    getRegisterPart: async (sessionId, part) => structuredClone(parts.get(key(sessionId, part))),
    registerParts: async (sessionId) =>
      [...parts.values()]
        .filter((register) => register.sessionId === sessionId)
        .map((r) => structuredClone(r)),
    saveRegisterPart: async (register) => {
      const stored = parts.get(key(register.sessionId, register.part))
      if ((stored?.version ?? 0) !== register.version) return false
      parts.set(key(register.sessionId, register.part), {
        ...structuredClone(register),
        version: register.version + 1,
      })
      return true
    },
    trainerSessions: async () => [],
  }
}
