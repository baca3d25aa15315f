import {
  academicYearOf,
  addDays,
  BOOKING_STATUSES,
  QUERY_BOUNDS,
  reportPeriod,
  takeUpFacts,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeBooking, makePerson, makeSnapshot, partAt } from '../support/factories.ts'

describe('academic year and report period', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearOf('2026-08-31')).toEqual({ from: '2025-09-01', to: '2026-08-31' })
    expect(academicYearOf('2026-09-01')).toEqual({ from: '2026-09-01', to: '2027-08-31' })
  })

  it('defaults to the academic year of today, London time', () => {
    // 23:30 UTC on 31 August is already 1 September in London (BST).
    expect(reportPeriod({}, new Date('2026-08-31T23:30:00Z'))).toEqual({
      from: '2026-09-01',
      to: '2027-08-31',
    })
  })

  it('fills a missing end from the academic year of the day given', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    expect(reportPeriod({ from: '2025-10-01' }, now)).toEqual({ from: '2025-10-01', to: '2026-08-31' })
    expect(reportPeriod({ to: '2025-10-01' }, now)).toEqual({ from: '2025-09-01', to: '2025-10-01' })
  })

  it('refuses a period that ends before it starts, or longer than ten years, as invalid-period naming `to`', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    expect(() => reportPeriod({ from: '2026-10-02', to: '2026-10-01' }, now)).toThrow(
      expect.objectContaining({
        code: 'invalid-period',
        fieldErrors: [expect.objectContaining({ field: 'to' })],
      }),
    )
    expect(() => reportPeriod({ from: '2000-01-01', to: '2026-10-01' }, now)).toThrow(
      expect.objectContaining({
        fieldErrors: [{ field: 'to', message: 'Choose a period of at most ten years' }],
      }),
    )
    expect(reportPeriod({ from: '2026-10-01', to: '2026-10-01' }, now)).toEqual({
      from: '2026-10-01',
      to: '2026-10-01',
    })
  })

  it('takes the longest period QUERY_BOUNDS allows, and refuses one day more', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    const last = addDays('2016-09-01', QUERY_BOUNDS.reportDays - 1)
    expect(reportPeriod({ from: '2016-09-01', to: last }, now)).toEqual({ from: '2016-09-01', to: last })
    expect(() => reportPeriod({ from: '2016-09-01', to: addDays(last, 1) }, now)).toThrow(
      expect.objectContaining({
        code: 'invalid-period',
        fieldErrors: [expect.objectContaining({ field: 'to' })],
      }),
    )
  })
})

describe('take-up facts of a booking', () => {
  it('belongs to the London day its session starts on', () => {
    const booking = makeBooking({ session: makeSnapshot({ parts: [partAt('2026-06-30T23:30:00Z')] }) })
    expect(takeUpFacts(booking).day).toBe('2026-07-01')
  })

  it('counts a person and their setting only for a place booked, and never a home as a setting', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BOOKING_STATUSES), fc.boolean(), (status, atHome) => {
        const person = makePerson(atHome ? { settingType: 'home', role: 'parent-or-carer' } : {})
        const facts = takeUpFacts(makeBooking({ status, person }))
        const booked = ['confirmed', 'attended', 'no-show', 'late-cancelled'].includes(status)
        expect(facts.booked).toBe(booked ? 1 : 0)
        expect(facts.person !== undefined).toBe(booked)
        expect(facts.setting !== undefined).toBe(booked && !atHome)
        expect(facts.attended + facts.noShows + facts.lateCancellations).toBeLessThanOrEqual(facts.booked)
        expect(facts.waiting + facts.booked).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('tells settings apart by URN where given and by the normalised name', () => {
    const facts = takeUpFacts(
      makeBooking({
        status: 'attended',
        person: makePerson({ settingName: 'The Little Acorns Ltd', ofstedUrn: '123456' }),
      }),
    )
    expect(facts.setting).toEqual({ name: 'little acorns', urn: '123456' })
    expect(facts.person?.kind).toBe('practitioner')
  })
})
