import { fromLondon, londonParts, toLondonIso } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// In 2026 the clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.

describe('toLondonIso', () => {
  it.each([
    ['2026-03-29T00:59:59.000Z', '2026-03-29T00:59:59+00:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00+01:00'],
    ['2026-06-01T15:00:00.000Z', '2026-06-01T16:00:00+01:00'],
    ['2026-10-25T00:59:59.000Z', '2026-10-25T01:59:59+01:00'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T01:00:00+00:00'],
    ['2026-12-01T16:00:00.000Z', '2026-12-01T16:00:00+00:00'],
  ])('shows %s as %s', (instant, london) => {
    expect(toLondonIso(instant)).toBe(london)
  })

  it('always names the same instant it was given (to the second)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (instant) => {
          const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000)
          expect(new Date(toLondonIso(whole)).getTime()).toBe(whole.getTime())
        },
      ),
    )
  })
})

describe('fromLondon', () => {
  it.each([
    ['the Friday before the spring change', '2026-03-27', '16:00', '2026-03-27T16:00:00.000Z'],
    ['the day of the spring change', '2026-03-29', '12:00', '2026-03-29T11:00:00.000Z'],
    ['the Monday after the spring change', '2026-03-30', '16:00', '2026-03-30T15:00:00.000Z'],
    ['the Friday before the autumn change', '2026-10-23', '16:00', '2026-10-23T15:00:00.000Z'],
    ['the day of the autumn change', '2026-10-25', '12:00', '2026-10-25T12:00:00.000Z'],
    ['the Monday after the autumn change', '2026-10-26', '16:00', '2026-10-26T16:00:00.000Z'],
  ])('reads 16:00-style wall-clock times on %s in the offset of that day', (_, date, time, utc) => {
    expect(fromLondon(date, time).toISOString()).toBe(utc)
  })

  it('moves a wall-clock time skipped by the spring change forward by the hour that was lost', () => {
    expect(toLondonIso(fromLondon('2026-03-29', '01:30'))).toBe('2026-03-29T02:30:00+01:00')
  })

  it('keeps the London time of a weekly course that crosses the spring change', () => {
    const parts = ['2026-03-23', '2026-03-30'].map((date) => fromLondon(date, '16:00'))
    expect(parts.map((p) => p.toISOString())).toEqual([
      '2026-03-23T16:00:00.000Z',
      '2026-03-30T15:00:00.000Z',
    ])
    expect(parts.map((p) => londonParts(p).time)).toEqual(['16:00', '16:00'])
  })

  it('round-trips the London date and time of any whole minute outside the repeated autumn hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 26_300_000, max: 34_200_000 }), (minutes) => {
        const instant = new Date(minutes * 60_000)
        const { date, time } = londonParts(instant)
        // 01:00–01:59 happens twice when clocks go back; only its second (GMT) reading is named here.
        fc.pre(!(toLondonIso(instant).slice(11, 13) === '01' && toLondonIso(instant).endsWith('+01:00')))
        expect(fromLondon(date, time).getTime()).toBe(instant.getTime())
      }),
    )
  })
})
