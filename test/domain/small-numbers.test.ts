import { MIN_PEOPLE_FOR_FIGURE, MIN_SHOWN_COUNT, SUPPRESSED, suppressCount, suppressFigure } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

describe('suppressCount', () => {
  it.each([
    [0, 0],
    [1, 'c'],
    [4, 'c'],
    [5, 5],
    [120, 120],
  ])('shows %i as %s', (count, shown) => {
    expect(suppressCount(count)).toBe(shown)
  })

  it('hides exactly the counts from 1 to the threshold, and shows every other count unchanged', () => {
    fc.assert(
      fc.property(fc.nat(100_000), (count) => {
        const shown = suppressCount(count)
        if (count >= 1 && count < MIN_SHOWN_COUNT) expect(shown).toBe(SUPPRESSED)
        else expect(shown).toBe(count)
      }),
    )
  })
})

describe('suppressFigure', () => {
  it.each([
    [58.3, 9, 'c'],
    [58.3, 10, 58.3],
    [4.25, 0, 'c'],
    [null, 0, null],
    [null, 30, null],
  ])('shows %s from %i people as %s', (value, people, shown) => {
    expect(suppressFigure(value, people)).toBe(shown)
  })

  it('never shows a figure from fewer than the threshold, and never changes one it shows', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.nat(1000), (value, people) => {
        const shown = suppressFigure(value, people)
        expect(shown).toBe(people < MIN_PEOPLE_FOR_FIGURE ? SUPPRESSED : value)
      }),
    )
  })
})
