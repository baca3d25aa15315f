import {
  applyRegisterChanges,
  checkAttendanceCode,
  completionOf,
  emptyRegisterPart,
  isRegisterLocked,
  type RegisterChange,
  registerLocksAt,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { DAY, makeSession, NOW } from '../support/factories.ts'

const session = makeSession({ startsAt: '2026-03-16T16:00:00.000Z' })
const ends = new Date('2026-03-16T17:30:00.000Z')
const context = { by: 'trainer-amira', at: NOW, bookingIds: new Set(['b1', 'b2']) }

describe('register lock', () => {
  it('locks 14 days after the session ends', () => {
    expect(registerLocksAt(session)).toEqual(new Date(ends.getTime() + 14 * DAY))
    expect(isRegisterLocked(session, new Date(ends.getTime() + 14 * DAY - 1))).toBe(false)
    expect(isRegisterLocked(session, new Date(ends.getTime() + 14 * DAY))).toBe(true)
  })

  it('stays open while an administrator has reopened it, and locks again after', () => {
    const later = new Date(ends.getTime() + 30 * DAY)
    const until = new Date(later.getTime() + DAY).toISOString()
    expect(isRegisterLocked(session, later, until)).toBe(false)
    expect(isRegisterLocked(session, new Date(later.getTime() + 2 * DAY), until)).toBe(true)
  })
})

describe('applyRegisterChanges', () => {
  it('records marks with who and when', () => {
    const { register, applied } = applyRegisterChanges(
      emptyRegisterPart('s', 0),
      [
        { kind: 'mark', key: 'k1', subject: 'b1', mark: 'present' },
        { kind: 'mark', key: 'k2', subject: 'b2', mark: 'apologies' },
      ],
      context,
    )
    expect(applied).toBe(2)
    expect(register.entries).toEqual({ b1: { mark: 'present' }, b2: { mark: 'apologies' } })
    expect(register.audit[0]).toEqual({
      at: NOW.toISOString(),
      by: 'trainer-amira',
      key: 'k1',
      action: 'mark',
      subject: 'b1',
      value: 'present',
    })
  })

  it('applies a replayed change only once, even after a later change', () => {
    const first = applyRegisterChanges(
      emptyRegisterPart('s', 0),
      [{ kind: 'mark', key: 'k1', subject: 'b1', mark: 'late' }],
      context,
    ).register
    const second = applyRegisterChanges(
      first,
      [{ kind: 'mark', key: 'k2', subject: 'b1', mark: 'left-early' }],
      context,
    ).register
    const replay = applyRegisterChanges(
      second,
      [{ kind: 'mark', key: 'k1', subject: 'b1', mark: 'late' }],
      context,
    )
    expect(replay.applied).toBe(0)
    expect(replay.register.entries.b1?.mark).toBe('left-early')
    expect(replay.register.audit).toHaveLength(2)
  })

  it('adds a walk-in who can then be marked, and keeps notes off the audit', () => {
    const changes: RegisterChange[] = [
      { kind: 'walk-in', key: 'w', walkIn: { id: 'walk-1', name: 'Grace Hopper', role: 'senco' } },
      { kind: 'mark', key: 'm', subject: 'walk-1', mark: 'present' },
      { kind: 'note', key: 'n', subject: 'walk-1', note: 'Needs a certificate posted' },
    ]
    const { register } = applyRegisterChanges(emptyRegisterPart('s', 0), changes, context)
    expect(register.walkIns).toEqual([{ id: 'walk-1', name: 'Grace Hopper', role: 'senco' }])
    expect(register.entries['walk-1']).toEqual({ mark: 'present', note: 'Needs a certificate posted' })
    expect(JSON.stringify(register.audit)).not.toContain('certificate')
  })

  it('refuses a person who is not on the register, naming the change', () => {
    expect(() =>
      applyRegisterChanges(
        emptyRegisterPart('s', 0),
        [
          { kind: 'mark', key: 'a', subject: 'b1', mark: 'present' },
          { kind: 'mark', key: 'b', subject: 'stranger', mark: 'present' },
        ],
        context,
      ),
    ).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'changes.1.subject' })] }),
    )
  })

  it('confirms a self check-in as present, and refuses to confirm one that never happened', () => {
    const checkedIn = {
      ...emptyRegisterPart('s', 0),
      entries: { b1: { checkIn: { at: NOW.toISOString(), confirmed: false } } },
    }
    const { register } = applyRegisterChanges(
      checkedIn,
      [{ kind: 'confirm-check-in', key: 'c', subject: 'b1' }],
      context,
    )
    expect(register.entries.b1).toEqual({
      mark: 'present',
      checkIn: { at: NOW.toISOString(), confirmed: true },
    })
    expect(() =>
      applyRegisterChanges(checkedIn, [{ kind: 'confirm-check-in', key: 'd', subject: 'b2' }], context),
    ).toThrow(/not checked in|Check the highlighted/)
  })
})

describe('completionOf', () => {
  it.each([
    [{ kind: 'all-parts' } as const, ['present', 'late'], 'complete'],
    [{ kind: 'all-parts' } as const, ['present', 'left-early'], 'not-complete'],
    [{ kind: 'all-parts' } as const, ['present', undefined], 'pending'],
    [{ kind: 'all-parts' } as const, ['absent', undefined], 'not-complete'],
    [{ kind: 'min-parts', parts: 3 } as const, ['present', 'present', 'apologies', 'present'], 'complete'],
    [{ kind: 'min-parts', parts: 3 } as const, ['present', 'absent', 'apologies', undefined], 'not-complete'],
    [{ kind: 'min-parts', parts: 3 } as const, ['present', 'present', 'absent', undefined], 'pending'],
  ])('%o with marks %o is %s', (rule, marks, expected) => {
    expect(completionOf(rule, marks as never)).toBe(expected)
  })
})

describe('checkAttendanceCode', () => {
  const register = {
    ...emptyRegisterPart('s', 0),
    code: { value: '482913', expiresAt: '2026-03-02T09:15:00.000Z' },
  }

  it('accepts the code with spaces until it expires, then says it expired', () => {
    expect(checkAttendanceCode(register, '482 913', NOW)).toBe('ok')
    expect(checkAttendanceCode(register, '482913', new Date('2026-03-02T09:15:00.000Z'))).toBe('expired')
  })

  it('refuses another code, and any code when none was shown', () => {
    expect(checkAttendanceCode(register, '000000', NOW)).toBe('wrong')
    expect(checkAttendanceCode(emptyRegisterPart('s', 0), '482913', NOW)).toBe('wrong')
  })
})
