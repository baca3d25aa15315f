import { describe, expect, it } from 'vitest'
import { clockTime, duration, longDate, ordinal, when } from '../../site/src/scripts/lib/format.ts'

describe('the site’s London dates and times', () => {
  it.each([
    [
      'a winter (GMT) evening',
      '2026-12-01T16:00:00Z',
      '2026-12-01T17:30:00Z',
      'Tuesday 1 December 2026, 4pm to 5:30pm',
    ],
    [
      'a summer (BST) evening',
      '2026-06-02T15:00:00Z',
      '2026-06-02T16:30:00Z',
      'Tuesday 2 June 2026, 4pm to 5:30pm',
    ],
    [
      'a morning across midday',
      '2026-06-03T10:30:00+01:00',
      '2026-06-03T12:00:00+01:00',
      'Wednesday 3 June 2026, 10:30am to midday',
    ],
  ])('writes %s as GOV.UK does', (_case, start, end, expected) => {
    expect(when(start, end)).toBe(expected)
  })

  it('shows the London date of a late-evening UTC instant in summer', () => {
    expect(longDate('2026-07-01T23:30:00Z')).toBe('Thursday 2 July 2026')
    expect(clockTime('2026-07-01T23:00:00Z')).toBe('midnight')
  })

  it.each([
    [90, '1 hour 30 minutes'],
    [120, '2 hours'],
    [45, '45 minutes'],
    [61, '1 hour 1 minute'],
  ])('writes a length of %i minutes as “%s”', (minutes, expected) => {
    expect(
      duration(
        '2026-06-02T15:00:00Z',
        new Date(Date.parse('2026-06-02T15:00:00Z') + minutes * 60_000).toISOString(),
      ),
    ).toBe(expected)
  })

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [112, '112th'],
  ])('writes queue position %i as %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected)
  })
})
