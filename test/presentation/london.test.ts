import { fromLondon, londonParts } from '@ey/domain'
import { duration, londonDate, londonMoment, londonPart, londonTime } from '@ey/presentation'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// In 2026 the clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const pad = (n: number) => String(n).padStart(2, '0')

/** Reads `Tuesday 1 December 2026` back as `2026-12-01` (and the weekday's name). */
function readDate(words: string): { weekday: string; date: string } {
  const [weekday = '', day = '', month = '', year = ''] = words.split(' ')
  return { weekday, date: `${year}-${pad(MONTHS.indexOf(month) + 1)}-${pad(Number(day))}` }
}

/** Reads `4pm`, `5:30pm`, `12:15am`, `midday` or `midnight` back as `HH:mm`. */
function readTime(words: string): string {
  if (words === 'midday') return '12:00'
  if (words === 'midnight') return '00:00'
  const [, hour = '', minute = '00', suffix] = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(words) ?? []
  return `${pad((Number(hour) % 12) + (suffix === 'pm' ? 12 : 0))}:${minute}`
}

/** Whole minutes from 2020 to 2035. */
const minutes = fc.integer({ min: 26_300_000, max: 34_200_000 }).map((m) => new Date(m * 60_000))

describe('London times in words', () => {
  it.each([
    ['a winter afternoon', '2026-12-01T16:00:00Z', '4pm'],
    ['a winter half hour', '2026-12-01T17:30:00Z', '5:30pm'],
    ['a summer (BST) afternoon, an hour ahead of UTC', '2026-06-02T15:00:00Z', '4pm'],
    ['a summer morning', '2026-06-02T08:05:00Z', '9:05am'],
    ['noon', '2026-12-01T12:00:00Z', 'midday'],
    ['after noon', '2026-12-01T12:30:00Z', '12:30pm'],
    ['midnight', '2026-12-01T00:00:00Z', 'midnight'],
    ['after midnight', '2026-12-01T00:15:00Z', '12:15am'],
    ['midnight in summer (23:00 UTC)', '2026-07-01T23:00:00Z', 'midnight'],
    ['the last GMT minute before the spring change', '2026-03-29T00:59:00Z', '12:59am'],
    ['the first BST minute after the spring change', '2026-03-29T01:00:00Z', '2am'],
    ['the first reading of the repeated autumn hour (BST)', '2026-10-25T00:30:00Z', '1:30am'],
    ['the second reading of the repeated autumn hour (GMT)', '2026-10-25T01:30:00Z', '1:30am'],
    ['an instant with an offset', '2026-06-03T12:00:00+01:00', 'midday'],
  ])('writes %s as GOV.UK does', (_case, instant, words) => {
    expect(londonTime(instant)).toBe(words)
    expect(londonTime(new Date(instant))).toBe(words)
  })

  it.each([
    ['the London day, which is not always the UTC day', '2026-06-01T23:30:00Z', 'Tuesday 2 June 2026'],
    ['a summer late evening', '2026-07-01T23:30:00Z', 'Thursday 2 July 2026'],
    ['a winter late evening, where London is UTC', '2026-12-01T23:30:00Z', 'Tuesday 1 December 2026'],
  ])('names %s', (_case, instant, words) => {
    expect(londonDate(instant)).toBe(words)
  })

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
    [
      'a part past midday naming the end day when it runs past midnight',
      '2026-12-01T22:00:00Z',
      '2026-12-02T00:30:00Z',
      'Tuesday 1 December 2026, 10pm to 12:30am on Wednesday 2 December 2026',
    ],
    [
      'a course from its first start to its last end, on other dates',
      '2026-10-20T15:00:00Z',
      '2026-10-27T16:30:00Z',
      'Tuesday 20 October 2026, 4pm to 4:30pm on Tuesday 27 October 2026',
    ],
  ])('writes %s as its date then its times', (_case, startsAt, endsAt, words) => {
    expect(londonPart({ startsAt, endsAt })).toBe(words)
    expect(londonPart({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) })).toBe(words)
  })

  it('writes a deadline as a time on a day', () => {
    expect(londonMoment('2026-11-30T20:00:00Z')).toBe('8pm on Monday 30 November 2026')
  })

  it.each([
    [90, '1 hour 30 minutes'],
    [120, '2 hours'],
    [45, '45 minutes'],
    [61, '1 hour 1 minute'],
    [0, '0 minutes'],
  ])('writes a length of %i minutes as “%s”', (length, words) => {
    const startsAt = '2026-06-02T15:00:00Z'
    const endsAt = new Date(Date.parse(startsAt) + length * 60_000).toISOString()
    expect(duration({ startsAt, endsAt })).toBe(words)
  })

  it('writes the length of a part across the autumn change in real minutes, not wall-clock ones', () => {
    expect(duration({ startsAt: '2026-10-25T00:30:00Z', endsAt: '2026-10-25T01:30:00Z' })).toBe('1 hour')
  })

  it('writes every instant as the London date and time that read back to it with fromLondon', () => {
    fc.assert(
      fc.property(minutes, (instant) => {
        const { weekday, date } = readDate(londonDate(instant))
        const time = readTime(londonTime(instant))
        expect({ date, time }).toEqual({ date: londonParts(instant).date, time: londonParts(instant).time })
        expect(weekday).toBe(
          new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' }),
        )
        // 01:00–01:59 happens twice on the day the clocks go back; fromLondon names its second (GMT)
        // reading, an hour after the first.
        const repeated = londonParts(new Date(instant.getTime() + 3_600_000)).time === time
        const back = fromLondon(date, time).getTime()
        expect(back).toBe(instant.getTime() + (repeated ? 3_600_000 : 0))
      }),
    )
  })

  it('names the end day of a part exactly when it ends on another London day', () => {
    fc.assert(
      fc.property(minutes, fc.integer({ min: 1, max: 60 * 24 * 3 }), (startsAt, length) => {
        const endsAt = new Date(startsAt.getTime() + length * 60_000)
        const words = londonPart({ startsAt, endsAt })
        const sameDay = londonParts(startsAt).date === londonParts(endsAt).date
        expect(
          words.startsWith(`${londonDate(startsAt)}, ${londonTime(startsAt)} to ${londonTime(endsAt)}`),
        ).toBe(true)
        expect(words.endsWith(` on ${londonDate(endsAt)}`)).toBe(!sameDay)
      }),
    )
  })
})
