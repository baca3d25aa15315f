import { type Booking, BookingSchema, type SessionSnapshot } from '@ey/domain'

const AT = '2026-11-02T10:00:00.000Z'

/** A session on Tuesday 1 December 2026, 4pm to 5:30pm London time (GMT). */
export function makeSnapshot(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    title: 'Speech, language and communication: core',
    courseId: 'slcn-core',
    parts: [{ startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:30:00.000Z' }],
    format: 'in-person',
    venue: {
      name: 'Riverside Family Hub',
      address: ['12 Mill Lane', 'Leeds'],
      postcode: 'LS1 4AB',
      laCode: 'E08000035',
    },
    ...overrides,
  }
}

/** A valid confirmed booking; overrides replace whole fields. */
export function makeBooking(overrides: Partial<Booking> = {}): Booking {
  return BookingSchema.parse({
    id: 'bk_0001',
    reference: 'K7QP-2MXD',
    sessionId: 'ses_0001',
    status: 'confirmed',
    person: {
      name: 'Amira Khan',
      email: 'amira.khan@example.test',
      role: 'childminder',
      settingName: 'Little Acorns',
      settingType: 'childminder',
      laCode: 'E08000035',
      shareWithLa: true,
    },
    emailKey: 'amira.khan@example.test',
    manageTokenHash: 'hash',
    session: makeSnapshot(),
    createdAt: AT,
    updatedAt: AT,
    history: [{ at: AT, from: null, to: 'confirmed', by: 'participant' }],
    ...overrides,
  })
}

/** The same booking after it moved from `from` to `to`. */
export function withChange(booking: Booking, from: Booking['status'], to: Booking['status']): Booking {
  const at = '2026-11-03T09:00:00.000Z'
  return {
    ...booking,
    status: to,
    updatedAt: at,
    history: [...booking.history, { at, from, to, by: 'participant' }],
  }
}
