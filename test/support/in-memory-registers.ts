import type { AuditEntry, RegisterEntry, RegisterPart, RegisterRepository, WalkIn } from '@ey/domain'
import type { InMemoryBookingRepository } from './in-memory-bookings.ts'

interface Part {
  head?: { code?: RegisterPart['code']; reopenedUntil?: string; version: number }
  lines: Map<string, { entry: RegisterEntry; version: number }>
  walkIns: Map<string, WalkIn>
  audit: Map<string, AuditEntry>
}

/**
 * The register port in memory, over an in-memory booking repository, kept as the DynamoDB
 * adapter keeps it: a head, lines, walk-ins and audit entries per part, each line and head written
 * only while its version is the one read and each audit key once (a refused write changes
 * nothing here; DynamoDB may have landed earlier transactions of it). Trainer assignments are not kept.
 */
export function createInMemoryRegisters(bookings: InMemoryBookingRepository): RegisterRepository {
  const parts = new Map<string, Part>()
  const key = (sessionId: string, part: number) => `${sessionId}#${part}`
  const stored = (sessionId: string, part: number): Part => {
    const found: Part = parts.get(key(sessionId, part)) ?? {
      lines: new Map(),
      walkIns: new Map(),
      audit: new Map(),
    }
    parts.set(key(sessionId, part), found)
    return found
  }
  const view = (sessionId: string, part: number, of: Part, keep = (_: string) => true): RegisterPart =>
    structuredClone({
      sessionId,
      part,
      entries: Object.fromEntries([...of.lines].filter(([s]) => keep(s)).map(([s, line]) => [s, line.entry])),
      walkIns: [...of.walkIns.values()].filter((walkIn) => keep(walkIn.id)),
      audit: [...of.audit.values()],
      ...(of.head?.code ? { code: of.head.code } : {}),
      ...(of.head?.reopenedUntil ? { reopenedUntil: of.head.reopenedUntil } : {}),
      version: of.head?.version ?? 0,
    })
  const written = (of: Part | undefined): of is Part =>
    of !== undefined &&
    (of.head !== undefined || of.lines.size > 0 || of.audit.size > 0 || of.walkIns.size > 0)
  return {
    sessionBookings: async (sessionId) => bookings.bookingsOf(sessionId),
    getRegisterPart: async (sessionId, part) => {
      const of = parts.get(key(sessionId, part))
      return written(of) ? view(sessionId, part, of) : undefined
    },
    registerParts: async (sessionId) =>
      [...parts.entries()]
        .filter(([k, of]) => k.startsWith(`${sessionId}#`) && written(of))
        .map(([k, of]) => view(sessionId, Number(k.slice(sessionId.length + 1)), of))
        .sort((a, b) => a.part - b.part),
    registerSlice: async (sessionId, part, scope) => {
      const of = stored(sessionId, part)
      const subjects = new Set(scope.subjects)
      const walkIns = new Set(scope.walkIns ?? scope.subjects)
      const register = view(sessionId, part, of, (subject) => subjects.has(subject))
      register.walkIns = structuredClone([...of.walkIns.values()].filter((walkIn) => walkIns.has(walkIn.id)))
      register.audit = register.audit.filter((entry) => scope.keys.includes(entry.key))
      return {
        register,
        lineVersions: Object.fromEntries(
          [...of.lines].filter(([s]) => subjects.has(s)).map(([s, line]) => [s, line.version]),
        ),
      }
    },
    writeRegister: async (write) => {
      const of = stored(write.sessionId, write.part)
      const stale =
        (write.head && (of.head?.version ?? 0) !== write.head.version) ||
        write.lines.some((line) => (of.lines.get(line.subject)?.version ?? 0) !== line.version) ||
        write.walkIns.some((walkIn) => of.walkIns.has(walkIn.id)) ||
        write.audit.some((entry) => of.audit.has(entry.key))
      if (stale) return false
      if (write.head) of.head = structuredClone({ ...write.head, version: write.head.version + 1 })
      for (const line of write.lines) {
        of.lines.set(line.subject, structuredClone({ entry: line.entry, version: line.version + 1 }))
      }
      for (const walkIn of write.walkIns) of.walkIns.set(walkIn.id, structuredClone(walkIn))
      for (const entry of write.audit) of.audit.set(entry.key, structuredClone(entry))
      return true
    },
    trainerSessions: async () => [],
  }
}
