import {
  type AlertScope,
  alertMatches,
  DEFAULT_POLICY,
  type InterestAlert,
  type Session,
  type SessionFormat,
} from '@ey/domain'
import { LOCAL_AUTHORITIES, localAuthorities } from '@ey/reference-data'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY, LEEDS, makeAlert, makeSession, makeVenue, NOW, WESTMINSTER } from '../support/factories.ts'

/** In Leeds's region (Yorkshire and The Humber), unlike Westminster (London). */
const BRADFORD = 'E08000032'
const context = { las: localAuthorities, now: NOW, policy: DEFAULT_POLICY }

/** A session of the alert's course, a week ahead, in the format given at a venue in `venueLa`. */
function sessionAt(format: SessionFormat, venueLa?: string, overrides: Partial<Session> = {}): Session {
  return makeSession({
    format,
    startsAt: new Date(NOW.getTime() + 7 * DAY),
    ...(venueLa ? { venue: makeVenue({ laCode: venueLa }) } : {}),
    ...overrides,
  })
}

const matches = (scope: AlertScope, session: Session, alert: Partial<InterestAlert> = {}) =>
  alertMatches(makeAlert({ scope, ...alert }), session, context)

describe('alertMatches: which new sessions an alert from Leeds is sent for', () => {
  it.each([
    // session, then whether it matches the scopes la, region, online
    ['in person in Leeds', sessionAt('in-person', LEEDS), [true, true, false]],
    ['in person in Bradford (same region)', sessionAt('in-person', BRADFORD), [false, true, false]],
    ['in person in Westminster (another region)', sessionAt('in-person', WESTMINSTER), [false, false, false]],
    ['online', sessionAt('online'), [false, false, true]],
    ['hybrid in Leeds', sessionAt('hybrid', LEEDS), [true, true, true]],
    ['hybrid in Bradford', sessionAt('hybrid', BRADFORD), [false, true, true]],
    ['hybrid in Westminster', sessionAt('hybrid', WESTMINSTER), [false, false, true]],
    [
      'bespoke for Leeds, in person in Leeds',
      sessionAt('in-person', LEEDS, { bespokeLaCodes: [LEEDS] }),
      [true, true, false],
    ],
    [
      'bespoke for Bradford, in person in Leeds',
      sessionAt('in-person', LEEDS, { bespokeLaCodes: [BRADFORD] }),
      [false, false, false],
    ],
    [
      'bespoke for Bradford, online',
      sessionAt('online', undefined, { bespokeLaCodes: [BRADFORD] }),
      [false, false, false],
    ],
    [
      'bespoke for Westminster and Leeds, hybrid in Westminster',
      sessionAt('hybrid', WESTMINSTER, { bespokeLaCodes: [WESTMINSTER, LEEDS] }),
      [false, false, true],
    ],
    ['a draft', sessionAt('hybrid', LEEDS, { status: 'draft' }), [false, false, false]],
    ['a cancelled session', sessionAt('hybrid', LEEDS, { status: 'cancelled' }), [false, false, false]],
    ['of another course', sessionAt('hybrid', LEEDS, { courseId: 'makaton-1' }), [false, false, false]],
    [
      'already started',
      sessionAt('hybrid', LEEDS, {
        parts: [{ startsAt: new Date(NOW.getTime() - DAY).toISOString(), endsAt: NOW.toISOString() }],
      }),
      [false, false, false],
    ],
    [
      'whose bookings have closed',
      sessionAt('hybrid', LEEDS, { bookingClosesAt: new Date(NOW.getTime() - 1).toISOString() }),
      [false, false, false],
    ],
    [
      'whose bookings open later',
      sessionAt('hybrid', LEEDS, { bookingOpensAt: new Date(NOW.getTime() + DAY).toISOString() }),
      [true, true, true],
    ],
    ['with no place free', sessionAt('hybrid', LEEDS, { capacity: 2, heldCount: 2 }), [false, false, false]],
  ] as const)('%s: la, region, online → %j', (_name, session, expected) => {
    expect((['la', 'region', 'online'] as const).map((scope) => matches(scope, session))).toEqual(expected)
  })

  it.each(['sent', 'stopped'] as const)('never matches an alert that is %s', (status) => {
    for (const scope of ['la', 'region', 'online'] as const) {
      expect(matches(scope, sessionAt('hybrid', LEEDS), { status })).toBe(false)
    }
  })

  const laArb = fc.constantFrom(...LOCAL_AUTHORITIES.map((la) => la.code))
  const scopeArb = fc.constantFrom<AlertScope>('la', 'region', 'online')
  const sessionArb = fc
    .record({
      format: fc.constantFrom<SessionFormat>('online', 'in-person', 'hybrid'),
      venueLa: laArb,
      bespoke: fc.array(laArb, { maxLength: 3 }),
    })
    .map(({ format, venueLa, bespoke }) =>
      sessionAt(format, format === 'online' ? undefined : venueLa, { bespokeLaCodes: bespoke }),
    )

  it('never alerts someone from outside a bespoke session’s LAs, whatever the scope', () => {
    fc.assert(
      fc.property(sessionArb, laArb, scopeArb, (session, laCode, scope) => {
        if (session.bespokeLaCodes.length > 0 && !session.bespokeLaCodes.includes(laCode)) {
          expect(matches(scope, session, { laCode })).toBe(false)
        }
      }),
    )
  })

  it('sends an in-person session only to people of its venue’s region, and an online one to the online scope only', () => {
    fc.assert(
      fc.property(sessionArb, laArb, scopeArb, (session, laCode, scope) => {
        if (!matches(scope, session, { laCode })) return
        if (scope === 'online') expect(session.format).not.toBe('in-person')
        else {
          expect(session.format).not.toBe('online')
          const venueRegion = localAuthorities.regionOf(session.venue?.laCode ?? '')
          expect(venueRegion).toBe(localAuthorities.regionOf(laCode))
          if (scope === 'la') expect(session.venue?.laCode).toBe(laCode)
        }
      }),
    )
  })

  it('matches the region scope whenever it matches the LA scope, for the same person', () => {
    fc.assert(
      fc.property(sessionArb, laArb, (session, laCode) => {
        if (matches('la', session, { laCode })) expect(matches('region', session, { laCode })).toBe(true)
      }),
    )
  })
})
