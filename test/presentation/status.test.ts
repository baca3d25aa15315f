import type { PublicBookingStatus as WireStatus } from '@ey/contract'
import { BOOKING_STATUSES, type BookingStatus, holdsPlace } from '@ey/domain'
import {
  domainStatus,
  holdsConfirmedPlace,
  isCancellable,
  type PublicBookingStatus,
  publicStatus,
  statusLabel,
} from '@ey/presentation'
import { describe, expect, expectTypeOf, it } from 'vitest'

const where = (rule: (status: BookingStatus) => boolean) => BOOKING_STATUSES.filter(rule)

describe('booking statuses as people see them', () => {
  it('names the domain’s waiting as waitlisted and every other status as it is', () => {
    expect(BOOKING_STATUSES.map(publicStatus)).toEqual(
      BOOKING_STATUSES.map((status) => (status === 'waiting' ? 'waitlisted' : status)),
    )
  })

  it('names the statuses as the API contract does (checked by the type checker)', () => {
    expectTypeOf<PublicBookingStatus>().toEqualTypeOf<WireStatus>()
  })

  it('reads every public name back to its domain status', () => {
    for (const status of BOOKING_STATUSES) expect(domainStatus(publicStatus(status))).toBe(status)
  })

  it('holds a confirmed place in exactly the statuses that hold a place, a mere offer aside', () => {
    expect(where(holdsConfirmedPlace)).toEqual(['confirmed', 'attended', 'no-show'])
    expect(where(holdsConfirmedPlace)).toEqual(where((s) => holdsPlace(s) && s !== 'offered'))
  })

  it('lets the person cancel or move a booking that waits for, is offered or holds a confirmed place', () => {
    expect(where(isCancellable)).toEqual(['waiting', 'offered', 'confirmed'])
  })

  it.each(BOOKING_STATUSES)('answers the same for %s by its domain or its public name', (status) => {
    const name = publicStatus(status)
    expect(holdsConfirmedPlace(name)).toBe(holdsConfirmedPlace(status))
    expect(isCancellable(name)).toBe(isCancellable(status))
    expect(statusLabel(name)).toBe(statusLabel(status))
  })

  it('labels the waiting list by either name', () => {
    expect(statusLabel('waitlisted')).toBe('On the waiting list')
    expect(statusLabel('late-cancelled')).toBe('Cancelled')
  })
})
