import { randomUUID } from 'node:crypto'
import type { AuditEntry, RegisterRepository, RegisterWrite } from '@ey/domain'
import { describe, expect, it } from 'vitest'

const AT = '2026-03-16T17:00:00.000Z'
const LATER = '2026-03-16T17:05:00.000Z'

function audit(key: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at: AT, by: 'amira', key, action: 'mark', ...extra }
}

/**
 * The contract of the register port (items per part: head, lines, walk-ins, audit), run against
 * the in-memory twin and DynamoDB Local alike. Every test uses a session id of its own.
 */
export function describeRegisterContract(name: string, makeRegisters: () => Promise<RegisterRepository>) {
  describe(name, () => {
    async function subject() {
      const registers = await makeRegisters()
      const sessionId = `s-${randomUUID()}`
      const write = (part: number, rest: Partial<RegisterWrite>) =>
        registers.writeRegister({ sessionId, part, lines: [], walkIns: [], audit: [], ...rest })
      return { registers, sessionId, write }
    }

    it('reads nothing before anything is recorded, then the whole part in the order it was recorded', async () => {
      const { registers, sessionId, write } = await subject()
      expect(await registers.getRegisterPart(sessionId, 0)).toBeUndefined()
      expect(await registers.registerParts(sessionId)).toEqual([])
      const walkIn = { id: 'walk-1', name: 'Grace Hopper' }
      expect(
        await write(1, {
          lines: [
            { subject: 'b2', entry: { mark: 'present' }, version: 0 },
            { subject: 'walk-1', entry: { mark: 'late', note: 'Came at 10' }, version: 0 },
          ],
          walkIns: [walkIn],
          audit: [
            audit('k-b2', { subject: 'b2', value: 'present' }),
            audit('k-walk', { action: 'walk-in', subject: 'walk-1' }),
            audit('k-late', { subject: 'walk-1', value: 'late' }),
          ],
        }),
      ).toBe(true)
      expect(
        await write(1, { audit: [audit('k-a', { at: LATER, subject: 'b1', action: 'clear-mark' })] }),
      ).toBe(true)
      const part = await registers.getRegisterPart(sessionId, 1)
      expect(part).toEqual({
        sessionId,
        part: 1,
        entries: { b2: { mark: 'present' }, 'walk-1': { mark: 'late', note: 'Came at 10' } },
        walkIns: [walkIn],
        audit: [
          audit('k-b2', { subject: 'b2', value: 'present' }),
          audit('k-walk', { action: 'walk-in', subject: 'walk-1' }),
          audit('k-late', { subject: 'walk-1', value: 'late' }),
          audit('k-a', { at: LATER, subject: 'b1', action: 'clear-mark' }),
        ],
        version: 0,
      })
      await write(0, { lines: [{ subject: 'b1', entry: { mark: 'absent' }, version: 0 }] })
      expect((await registers.registerParts(sessionId)).map((p) => [p.part, Object.keys(p.entries)])).toEqual(
        [
          [0, ['b1']],
          [1, ['b2', 'walk-1']],
        ],
      )
    })

    it('writes a line only while its version is the one read, and a change key only once', async () => {
      const { registers, sessionId, write } = await subject()
      const mark = (mark: 'present' | 'absent', version: number, key: string) =>
        write(0, {
          lines: [{ subject: 'b1', entry: { mark }, version }],
          audit: [audit(key, { subject: 'b1', value: mark })],
        })
      expect(await mark('present', 0, 'k1')).toBe(true)
      expect(await mark('absent', 0, 'k2')).toBe(false)
      expect(await mark('absent', 1, 'k1')).toBe(false)
      expect((await registers.getRegisterPart(sessionId, 0))?.entries).toEqual({ b1: { mark: 'present' } })
      expect(await mark('absent', 1, 'k2')).toBe(true)
      const slice = await registers.registerSlice(sessionId, 0, { subjects: ['b1'], keys: ['k1', 'k2'] })
      expect(slice.lineVersions).toEqual({ b1: 2 })
      expect(slice.register.entries).toEqual({ b1: { mark: 'absent' } })
      expect(slice.register.audit.map((entry) => entry.key)).toEqual(['k1', 'k2'])
    })

    it('keeps the code and reopening in the head, under a version of its own', async () => {
      const { registers, sessionId, write } = await subject()
      const code = { value: '123456', expiresAt: LATER }
      expect(
        await write(0, { head: { code, version: 0 }, audit: [audit('code-1', { action: 'code' })] }),
      ).toBe(true)
      expect(await write(0, { head: { reopenedUntil: LATER, version: 0 } })).toBe(false)
      const slice = await registers.registerSlice(sessionId, 0, { subjects: [], keys: [] })
      expect(slice.register).toMatchObject({ code, version: 1, entries: {}, audit: [] })
      expect(await write(0, { head: { code, reopenedUntil: LATER, version: 1 } })).toBe(true)
      expect(await registers.getRegisterPart(sessionId, 0)).toMatchObject({
        code,
        reopenedUntil: LATER,
        version: 2,
      })
    })

    it('reads in a slice only the people and keys it names (each once), besides the head', async () => {
      const { registers, sessionId, write } = await subject()
      await write(0, {
        lines: ['b1', 'b2', 'b3'].map((s) => ({
          subject: s,
          entry: { mark: 'present' as const },
          version: 0,
        })),
        walkIns: [{ id: 'walk-1', name: 'Ada' }],
        audit: ['b1', 'b2', 'b3'].map((s) => audit(`k-${s}`, { subject: s })),
      })
      const slice = await registers.registerSlice(sessionId, 0, {
        subjects: ['b2', 'walk-1', 'nobody', 'b2'],
        keys: ['k-b3', 'k-b3'],
      })
      expect(slice.register.entries).toEqual({ b2: { mark: 'present' } })
      expect(slice.register.walkIns).toEqual([{ id: 'walk-1', name: 'Ada' }])
      expect(slice.register.audit.map((entry) => entry.key)).toEqual(['k-b3'])
      expect(slice.lineVersions).toEqual({ b2: 1 })
    })
  })
}
