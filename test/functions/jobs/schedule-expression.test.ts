import { londonParts } from '@ey/domain'
import { nextRun, parseSchedule, ScheduleExpressionError } from '@ey/jobs-function'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

describe('parseSchedule', () => {
  it.each([
    ['rate(5 minutes)', 5 * MINUTE],
    ['rate(1 minute)', MINUTE],
    ['rate(2 hours)', 2 * HOUR],
    ['rate(1 day)', 24 * HOUR],
  ])('reads %s', (expression, everyMs) => {
    expect(parseSchedule(expression)).toEqual({ kind: 'rate', everyMs })
  })

  it('reads lists, ranges, steps and names in cron fields', () => {
    const cron = parseSchedule('cron(0/15 7,19 ? JAN-MAR MON-FRI 2026-2027)')
    expect(cron).toEqual({
      kind: 'cron',
      minutes: [0, 15, 30, 45],
      hours: [7, 19],
      daysOfMonth: undefined,
      months: new Set([1, 2, 3]),
      daysOfWeek: new Set([2, 3, 4, 5, 6]),
      years: new Set([2026, 2027]),
    })
    expect(parseSchedule('cron(*/20 * 1 * ? *)')).toMatchObject({
      minutes: [0, 20, 40],
      daysOfMonth: new Set([1]),
    })
  })

  it.each([
    ['every 5 minutes', 'expected rate(…) or cron(…)'],
    ['rate(0 minutes)', 'positive number'],
    ['rate(5 weeks)', 'positive number'],
    ['cron(0 7 * * ?)', '6 fields'],
    ['cron(0 7 * * * *)', 'exactly one of day of month and day of week'],
    ['cron(0 7 ? * ? *)', 'exactly one of day of month and day of week'],
    ['cron(60 7 * * ? *)', '"60" is not a minutes'],
    ['cron(0 24 * * ? *)', '"24" is not a hours'],
    ['cron(0 7 L * ? *)', 'L, W and # are not read here'],
    ['cron(0 7 ? * 6#3 *)', 'cannot read "6#3"'],
    ['cron(0 7 ? * FUNDAY *)', '"FUNDAY" is not a day of week'],
    ['cron(0 ? * * ? *)', '? is not allowed in hours'],
    ['cron(30-10 7 * * ? *)', 'empty range'],
  ])('refuses %s, saying why', (expression, problem) => {
    expect(() => parseSchedule(expression)).toThrow(ScheduleExpressionError)
    expect(() => parseSchedule(expression)).toThrow(problem)
  })
})

describe('nextRun', () => {
  it('counts a rate from the previous run, in elapsed time', () => {
    expect(nextRun('rate(5 minutes)', new Date('2026-03-29T00:58:30Z'))).toEqual(
      new Date('2026-03-29T01:03:30Z'),
    )
  })

  // The clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
  it.each([
    ['the day before the clocks go forward', '2026-03-28T06:00:00Z', '2026-03-28T07:00:00Z'],
    ['the day the clocks go forward', '2026-03-28T07:00:00Z', '2026-03-29T06:00:00Z'],
    ['the day after the clocks go forward', '2026-03-29T06:00:00Z', '2026-03-30T06:00:00Z'],
    ['the day before the clocks go back', '2026-10-23T06:00:00Z', '2026-10-24T06:00:00Z'],
    ['the day the clocks go back', '2026-10-24T06:00:00Z', '2026-10-25T07:00:00Z'],
    ['the day after the clocks go back', '2026-10-25T07:00:00Z', '2026-10-26T07:00:00Z'],
  ])('runs a 07:00 job at 07:00 London time %s', (_, after, expected) => {
    const next = nextRun('cron(0 7 * * ? *)', new Date(after)) as Date
    expect(next).toEqual(new Date(expected))
    expect(londonParts(next).time).toBe('07:00')
  })

  it('skips a time the clocks skip when they go forward', () => {
    expect(nextRun('cron(30 1 * * ? *)', new Date('2026-03-28T01:30:00Z'))).toEqual(
      new Date('2026-03-30T00:30:00Z'),
    )
  })

  it('runs once at a time that happens twice when the clocks go back', () => {
    const first = nextRun('cron(30 1 * * ? *)', new Date('2026-10-24T00:30:00Z')) as Date
    expect(first).toEqual(new Date('2026-10-25T00:30:00Z'))
    expect(nextRun('cron(30 1 * * ? *)', first)).toEqual(new Date('2026-10-26T01:30:00Z'))
  })

  it('reads days of the week as EventBridge numbers them (1 = Sunday)', () => {
    // Monday 2 March 2026, 09:00 GMT.
    expect(nextRun('cron(0 8 ? * 1 *)', new Date('2026-03-02T09:00:00Z'))).toEqual(
      new Date('2026-03-08T08:00:00Z'),
    )
    expect(nextRun('cron(0 8 ? * MON-FRI *)', new Date('2026-03-06T09:00:00Z'))).toEqual(
      new Date('2026-03-09T08:00:00Z'),
    )
  })

  it('answers undefined for a schedule that never runs again', () => {
    expect(nextRun('cron(0 7 1 1 ? 2020)', new Date('2026-01-01T00:00:00Z'))).toBeUndefined()
  })

  // An independent statement of the rule: scan every minute after `after` for the first whose
  // London wall-clock time matches and which is that wall-clock time's first occurrence.
  function bruteForce(fields: Fields, after: Date): Date {
    let t = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE
    for (;;) {
      const parts = londonParts(new Date(t))
      const [hour, minute] = parts.time.split(':').map(Number) as [number, number]
      const repeat = londonParts(new Date(t - HOUR))
      const first = `${repeat.date}T${repeat.time}` !== `${parts.date}T${parts.time}`
      if (
        first &&
        fields.minutes.includes(minute) &&
        fields.hours.includes(hour) &&
        fields.days.includes(WEEKDAYS.indexOf(parts.weekday) + 1)
      ) {
        return new Date(t)
      }
      t += MINUTE
    }
  }

  interface Fields {
    minutes: number[]
    hours: number[]
    days: number[]
  }

  const fieldsArb: fc.Arbitrary<Fields> = fc.record({
    minutes: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 3 }),
    // The hours around the changes (00:00–02:59) are where the rules bite: weight them up.
    hours: fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 23 })), {
      minLength: 1,
      maxLength: 3,
    }),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  })

  // Instants within two days of a change of the clocks, and anywhere in 2025–2030.
  const CHANGES = [
    '2026-03-29T01:00:00Z',
    '2026-10-25T01:00:00Z',
    '2027-03-28T01:00:00Z',
    '2030-10-27T01:00:00Z',
  ]
  const afterArb = fc.oneof(
    fc
      .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 }), fc.nat(59))
      .map(
        ([change, minutes, seconds]) =>
          new Date(new Date(change).getTime() + minutes * MINUTE + seconds * 1000),
      ),
    fc.date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  )

  it('agrees with a minute-by-minute scan of London time, across the changes of the clocks', () => {
    fc.assert(
      fc.property(fieldsArb, afterArb, (fields, after) => {
        const expression = `cron(${fields.minutes.join(',')} ${fields.hours.join(',')} ? * ${fields.days.join(',')} *)`
        expect(nextRun(expression, after)).toEqual(bruteForce(fields, after))
      }),
      { numRuns: 80 },
    )
  })

  it('runs a daily job at its London time, once a day, every day of a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (hour, minute, after) => {
          const expression = `cron(${minute} ${hour} * * ? *)`
          const next = nextRun(expression, after) as Date
          const wanted = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
          // Only the hour the clocks skip (01:00–01:59 on the last Sunday of March) has no run.
          if (londonParts(next).time !== wanted)
            throw new Error(`${expression} after ${after.toISOString()} ran at ${next.toISOString()}`)
          const following = nextRun(expression, next) as Date
          expect(following.getTime() - next.getTime()).toBeGreaterThanOrEqual(23 * HOUR)
          expect(following.getTime() - next.getTime()).toBeLessThanOrEqual(48 * HOUR)
        },
      ),
      { numRuns: 200 },
    )
  })
})
