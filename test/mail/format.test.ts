import { londonDate, londonMoment, londonPart, londonTime } from '@ey/mail'
import { describe, expect, it } from 'vitest'

describe('London date and time wording', () => {
  it.each([
    ['2026-12-01T16:00:00Z', '4pm'],
    ['2026-12-01T17:30:00Z', '5:30pm'],
    ['2026-06-02T15:00:00Z', '4pm'],
    ['2026-06-02T08:05:00Z', '9:05am'],
    ['2026-12-01T12:00:00Z', 'midday'],
    ['2026-12-01T12:30:00Z', '12:30pm'],
    ['2026-12-01T00:00:00Z', 'midnight'],
    ['2026-12-01T00:15:00Z', '12:15am'],
  ])('writes %s as %s', (instant, words) => {
    expect(londonTime(instant)).toBe(words)
  })

  it('names the London day, which is not always the UTC day', () => {
    expect(londonDate('2026-06-01T23:30:00Z')).toBe('Tuesday 2 June 2026')
  })

  it('writes a session as its date then its times', () => {
    expect(londonPart({ startsAt: '2026-12-01T16:00:00Z', endsAt: '2026-12-01T17:30:00Z' })).toBe(
      'Tuesday 1 December 2026, 4pm to 5:30pm',
    )
  })

  it('names the end day when a session runs past midnight', () => {
    expect(londonPart({ startsAt: '2026-12-01T22:00:00Z', endsAt: '2026-12-02T00:30:00Z' })).toBe(
      'Tuesday 1 December 2026, 10pm to 12:30am on Wednesday 2 December 2026',
    )
  })

  it('writes a deadline as a time on a day', () => {
    expect(londonMoment('2026-11-30T20:00:00Z')).toBe('8pm on Monday 30 November 2026')
  })
})
