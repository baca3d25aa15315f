import {
  type AttendanceMark,
  attendanceStatus,
  bookSession,
  changeRegister,
  type RegisterChange,
  type RegisterDeps,
  settleAttendance,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  DAY,
  makeCourse,
  makeDeps,
  makePerson,
  makeSession,
  partAt,
  type TestDeps,
} from '../support/factories.ts'
import { createInMemoryRegisters } from '../support/in-memory-registers.ts'
import { makeStaff } from '../support/staff.ts'

const FIRST = new Date('2026-03-16T16:00:00.000Z')
const trainer = makeStaff({ sub: 'trainer-amira' })

describe('attendanceStatus', () => {
  it.each([
    [['present', 'late'], 'attended'],
    [['present', undefined], 'confirmed'],
    [['present', 'left-early'], 'confirmed'],
    [['absent', 'absent'], 'no-show'],
    [['absent', undefined], 'confirmed'],
    [['absent', 'apologies'], 'confirmed'],
    [['apologies', 'apologies'], 'confirmed'],
    [[undefined, undefined], 'confirmed'],
  ] as const)('on an all-parts course, marks %j give %s', (marks, status) => {
    expect(attendanceStatus({ kind: 'all-parts' }, marks as readonly (AttendanceMark | undefined)[])).toBe(
      status,
    )
  })

  it('counts a min-parts course attended once enough parts are attended, the rest unmarked', () => {
    expect(attendanceStatus({ kind: 'min-parts', parts: 2 }, ['present', undefined, 'late'])).toBe('attended')
    expect(attendanceStatus({ kind: 'min-parts', parts: 2 }, ['present', 'absent', 'absent'])).toBe(
      'confirmed',
    )
  })
})

describe('changeRegister settles the booking status', () => {
  let deps: TestDeps & RegisterDeps
  let booking: string
  const statusOf = async () => (await deps.bookings.getBooking(booking))?.status
  const counters = async () => {
    const session = await deps.bookings.getSession('two-part')
    return [session?.heldCount, session?.waitingCount]
  }
  let n = 0
  const mark = (part: number, value: AttendanceMark | 'clear') => {
    const change: RegisterChange =
      value === 'clear'
        ? { kind: 'clear-mark', key: `k${++n}`, subject: booking }
        : { kind: 'mark', key: `k${++n}`, subject: booking, mark: value }
    return changeRegister(deps, trainer, 'two-part', part, [change])
  }

  beforeEach(async () => {
    const base = makeDeps()
    deps = { ...base, registers: createInMemoryRegisters(base.bookings), catalogue: base.bookings }
    base.bookings.putCourse(makeCourse({ id: 'two-part-course', completion: { kind: 'all-parts' } }))
    base.bookings.putSession(
      makeSession({
        id: 'two-part',
        courseId: 'two-part-course',
        parts: [partAt(FIRST), partAt(new Date(FIRST.getTime() + 7 * DAY))],
        trainerIds: ['trainer-amira'],
      }),
    )
    const made = await bookSession(deps, {
      sessionId: 'two-part',
      idempotencyKey: 'k',
      person: makePerson({ email: 'ada@example.org' }),
    })
    booking = made.booking.id
  })

  it('makes the booking attended once every part is attended, keeping the place and counters', async () => {
    const before = await counters()
    await mark(0, 'present')
    expect(await statusOf()).toBe('confirmed')
    const sheet = await mark(1, 'late')
    expect(await statusOf()).toBe('attended')
    expect(sheet.booked.find((b) => b.id === booking)?.status).toBe('attended')
    expect(await counters()).toEqual(before)
    expect((await deps.bookings.getBooking(booking))?.history.at(-1)).toMatchObject({
      from: 'confirmed',
      to: 'attended',
      by: 'trainer-amira',
    })
  })

  it('brings an attended booking back to confirmed when a mark is cleared or changed', async () => {
    await mark(0, 'present')
    await mark(1, 'present')
    await mark(1, 'clear')
    expect(await statusOf()).toBe('confirmed')
    await mark(1, 'present')
    await mark(1, 'left-early')
    expect(await statusOf()).toBe('confirmed')
  })

  it('makes it a no-show when every part is marked absent, and apologies never do', async () => {
    const before = await counters()
    await mark(0, 'absent')
    expect(await statusOf()).toBe('confirmed')
    await mark(1, 'absent')
    expect(await statusOf()).toBe('no-show')
    expect(await counters()).toEqual(before)
    await mark(1, 'apologies')
    expect(await statusOf()).toBe('confirmed')
    await mark(0, 'present')
    await mark(1, 'present')
    expect(await statusOf()).toBe('attended')
    await mark(0, 'absent')
    await mark(1, 'absent')
    expect(await statusOf()).toBe('no-show')
  })

  it('settles again on a replayed batch and changes nothing when already settled', async () => {
    await mark(0, 'present')
    await mark(1, 'present')
    const stored = await deps.bookings.getBooking(booking)
    const session = await deps.bookings.getSession('two-part')
    if (!session) throw new Error('no session')
    await expect(settleAttendance(deps, session, [booking], 'x')).resolves.toEqual([stored])
  })

  it('corrects a status a stale writer left behind', async () => {
    await mark(0, 'present')
    await mark(1, 'present')
    await deps.bookings.changeStatus({
      bookingId: booking,
      from: 'attended',
      to: 'no-show',
      by: 'stale',
      at: FIRST,
    })
    const session = await deps.bookings.getSession('two-part')
    if (!session) throw new Error('no session')
    const [settled] = await settleAttendance(deps, session, [booking], 'trainer-amira')
    expect(settled?.status).toBe('attended')
  })
})
