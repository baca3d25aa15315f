import {
  type AccessAuditEntry,
  AccessDeniedError,
  type Booking,
  type DayRange,
  emptyRegisterPart,
  type LaBookings,
  laAttendees,
  laCourseMonths,
  laReadPeriod,
  type RegisterPart,
  recordLaRead,
  type StaffPrincipal,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import {
  fakeClock,
  LEEDS,
  makeBooking,
  makePerson,
  makeQuestionnaireResponse,
  makeSnapshot,
  NOW,
  partAt,
  sequentialIds,
} from '../support/factories.ts'
import { createInMemoryQuestionnaires } from '../support/in-memory-questionnaires.ts'

const PERIOD: DayRange = { from: '2026-10-01', to: '2026-10-31' }
const officer: StaffPrincipal = { sub: 'la-leeds', name: 'Priya', roles: ['la-officer'], laCodes: [LEEDS] }
const admin: StaffPrincipal = { sub: 'admin', roles: ['admin'], laCodes: [] }
const trainer: StaffPrincipal = { sub: 'trainer-amira', roles: ['trainer'], laCodes: [] }

/**
 * An LA's bookings in memory, in the pages given (the index's copies), counting the pages read;
 * `current` answers the table's copies: those of `table` when given, else the index's own.
 */
function pagesOf(pages: Booking[][], table: Booking[] = []): LaBookings & { read: () => number } {
  let read = 0
  const now = new Map([...pages.flat(), ...table].map((booking) => [booking.id, booking]))
  return {
    read: () => read,
    async *pages() {
      for (const page of pages) {
        read++
        yield page
      }
    },
    current: async (bookings) => bookings.flatMap((booking) => now.get(booking.id) ?? []),
  }
}

function booking(id: string, sessionId: string, overrides: Partial<Booking> = {}): Booking {
  return makeBooking({
    id,
    sessionId,
    session: makeSnapshot({
      parts: [partAt('2026-10-05T15:00:00.000Z'), partAt('2026-10-12T15:00:00.000Z')],
    }),
    ...overrides,
  })
}

describe('laAttendees', () => {
  it('lists the bookings of people who agree to share, with attendance per part and answers', async () => {
    const shares = booking('bk-1', 'ses-1')
    const declines = booking('bk-2', 'ses-1', { person: makePerson({ shareWithLa: false }) })
    const questionnaires = createInMemoryQuestionnaires()
    questionnaires.addResponse(makeQuestionnaireResponse({ bookingId: 'bk-1', kind: 'post' }))
    const registers: RegisterPart[] = [
      {
        ...emptyRegisterPart('ses-1', 0),
        entries: { 'bk-1': { mark: 'late' }, 'bk-2': { mark: 'present' } },
      },
      { ...emptyRegisterPart('ses-1', 1), entries: { 'bk-1': { mark: 'left-early' } } },
    ]
    const deps = {
      laBookings: pagesOf([[shares, declines]]),
      registers: { registerParts: async () => registers },
      questionnaires,
    }
    const pages = []
    for await (const page of laAttendees(deps, LEEDS, PERIOD)) pages.push(page)
    expect(pages).toEqual([
      [{ booking: shares, attendance: ['present', 'absent'], answered: { pre: false, post: true } }],
    ])
  })

  it('reads each session’s registers once while its bookings are listed, and lists nobody twice', async () => {
    const read: string[] = []
    const deps = {
      laBookings: pagesOf([
        [booking('bk-1', 'ses-1'), booking('bk-2', 'ses-1')],
        [booking('bk-3', 'ses-1'), booking('bk-4', 'ses-2')],
        [booking('bk-5', 'ses-2', { person: makePerson({ shareWithLa: false }) })],
        [booking('bk-6', 'ses-3')],
      ]),
      registers: {
        registerParts: async (sessionId: string) => {
          read.push(sessionId)
          return []
        },
      },
      questionnaires: createInMemoryQuestionnaires(),
    }
    const listed: string[] = []
    for await (const page of laAttendees(deps, LEEDS, PERIOD))
      listed.push(...page.map((line) => line.booking.id))
    expect(listed).toEqual(['bk-1', 'bk-2', 'bk-3', 'bk-4', 'bk-6'])
    expect(read).toEqual(['ses-1', 'ses-2', 'ses-3'])
  })

  it('leaves out a booking whose agreement was withdrawn after the index last saw it', async () => {
    const indexed = [booking('bk-1', 'ses-1'), booking('bk-2', 'ses-1')]
    const withdrawn = { ...booking('bk-2', 'ses-1'), person: makePerson({ shareWithLa: false }) }
    const deps = {
      laBookings: pagesOf([indexed], [withdrawn]),
      registers: { registerParts: async () => [] },
      questionnaires: createInMemoryQuestionnaires(),
    }
    const listed: string[] = []
    for await (const page of laAttendees(deps, LEEDS, PERIOD))
      listed.push(...page.map((line) => line.booking.id))
    expect(listed).toEqual(['bk-1'])
  })

  it('stops reading pages when the reader stops', async () => {
    const laBookings = pagesOf([[booking('bk-1', 's')], [booking('bk-2', 's')], [booking('bk-3', 's')]])
    const deps = {
      laBookings,
      registers: { registerParts: async () => [] },
      questionnaires: createInMemoryQuestionnaires(),
    }
    for await (const _page of laAttendees(deps, LEEDS, PERIOD)) break
    expect(laBookings.read()).toBe(1)
  })
})

describe('laCourseMonths', () => {
  it('counts everyone from the LA, sharing or not, by course and month, as take-up counts', async () => {
    const november = makeSnapshot({ parts: [partAt('2026-11-02T16:00:00.000Z')] })
    const tally = await laCourseMonths(
      {
        laBookings: pagesOf([
          [
            booking('bk-1', 's', { status: 'attended' }),
            booking('bk-2', 's', { status: 'no-show', person: makePerson({ shareWithLa: false }) }),
            booking('bk-3', 's', { status: 'cancelled' }),
            booking('bk-4', 's', { status: 'waiting' }),
          ],
          [booking('bk-5', 's', { status: 'late-cancelled', session: november })],
        ]),
      },
      LEEDS,
      PERIOD,
    )
    expect(tally).toEqual(
      new Map([
        [
          'slcn-core',
          new Map([
            ['2026-10', { bookings: 2, attended: 1, noShows: 1, lateCancellations: 0 }],
            ['2026-11', { bookings: 1, attended: 0, noShows: 0, lateCancellations: 1 }],
          ]),
        ],
      ]),
    )
  })
})

/** An audit log that keeps what is recorded, with a clock at `NOW`. */
function recordingDeps() {
  const recorded: AccessAuditEntry[] = []
  const audit = {
    record: async (entry: AccessAuditEntry) => void recorded.push(entry),
    list: async () => ({ entries: [] }),
  }
  return { recorded, deps: { audit, clock: fakeClock(), ids: sequentialIds('audit') } }
}

describe('recording a read of LA data', () => {
  const read = { action: 'la-attendees-csv', laCode: LEEDS, period: PERIOD } as const

  it('records who read which LA and period, when, before the read goes ahead', async () => {
    const { deps, recorded } = recordingDeps()
    await recordLaRead(deps, officer, { ...read, rows: 12 })
    await recordLaRead(deps, admin, read)
    expect(recorded).toEqual([
      {
        id: expect.any(String),
        at: NOW.toISOString(),
        ...read,
        rows: 12,
        staff: { sub: 'la-leeds', name: 'Priya' },
      },
      { id: expect.any(String), at: NOW.toISOString(), ...read, staff: { sub: 'admin' } },
    ])
  })

  it.each([
    ['an officer of another LA', { ...officer, laCodes: ['E08000036'] }],
    ['a trainer', trainer],
  ])('refuses %s with 403, recording nothing', async (_, principal) => {
    const { deps, recorded } = recordingDeps()
    await expect(recordLaRead(deps, principal, read)).rejects.toBeInstanceOf(AccessDeniedError)
    expect(() => laReadPeriod(principal, LEEDS, { from: '2026-10-02', to: '2026-10-01' }, NOW)).toThrow(
      AccessDeniedError,
    )
    expect(recorded).toEqual([])
  })
})
