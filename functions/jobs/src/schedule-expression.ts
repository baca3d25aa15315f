import { londonParts } from '@ey/domain'

/** A schedule expression, parsed. Cron fields hold the values they allow; `undefined` is `?`. */
export type Schedule =
  | { kind: 'rate'; everyMs: number }
  | {
      kind: 'cron'
      minutes: readonly number[]
      hours: readonly number[]
      daysOfMonth: ReadonlySet<number> | undefined
      months: ReadonlySet<number>
      /** 1 = Sunday … 7 = Saturday, as EventBridge numbers them. */
      daysOfWeek: ReadonlySet<number> | undefined
      years: ReadonlySet<number>
    }

/** A schedule expression this evaluator cannot read; the message says what is wrong. */
export class ScheduleExpressionError extends Error {
  constructor(expression: string, problem: string) {
    super(`Schedule "${expression}": ${problem}`)
    this.name = 'ScheduleExpressionError'
  }
}

const RATE_UNITS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
}
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

interface FieldSpec {
  name: string
  min: number
  max: number
  /** Names standing for min, min + 1, … */
  names?: readonly string[]
  /** Whether `?` (no constraint, the other day field decides) is allowed. */
  question?: boolean
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 1, max: 7, names: WEEKDAYS, question: true },
  { name: 'year', min: 1970, max: 2199 },
]

/**
 * Reads the EventBridge Scheduler expressions the jobs use: `rate(N minutes|hours|days)` and
 * `cron(minutes hours day-of-month month day-of-week year)` with numbers, names (JAN, MON), `*`,
 * `?`, lists, ranges and steps (`0/15`, `*\/5`, `MON-FRI`). `L`, `W` and `#` are not read.
 */
export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\((\d+) ([a-z]+)\)$/.exec(expression.trim())
  if (rate) {
    const unit = RATE_UNITS[rate[2] as string]
    const value = Number(rate[1])
    if (!unit || value < 1)
      throw new ScheduleExpressionError(expression, 'a rate is a positive number of minutes, hours or days')
    return { kind: 'rate', everyMs: value * unit }
  }
  const cron = /^cron\((.*)\)$/.exec(expression.trim())
  if (!cron) throw new ScheduleExpressionError(expression, 'expected rate(…) or cron(…)')
  const fields = (cron[1] as string).trim().split(/\s+/)
  if (fields.length !== FIELDS.length) {
    throw new ScheduleExpressionError(expression, `a cron expression has ${FIELDS.length} fields`)
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek, years] = FIELDS.map((spec, i) =>
    parseField(expression, spec, fields[i] as string),
  )
  if ((daysOfMonth === undefined) === (daysOfWeek === undefined)) {
    throw new ScheduleExpressionError(expression, 'exactly one of day of month and day of week must be ?')
  }
  return {
    kind: 'cron',
    minutes: [...(minutes as Set<number>)].sort((a, b) => a - b),
    hours: [...(hours as Set<number>)].sort((a, b) => a - b),
    daysOfMonth,
    months: months as Set<number>,
    daysOfWeek,
    years: years as Set<number>,
  }
}

function parseField(expression: string, spec: FieldSpec, text: string): Set<number> | undefined {
  if (text === '?') {
    if (!spec.question) throw new ScheduleExpressionError(expression, `? is not allowed in ${spec.name}`)
    return undefined
  }
  const values = new Set<number>()
  for (const item of text.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item)
    if (!match) throw new ScheduleExpressionError(expression, `cannot read "${item}" in ${spec.name}`)
    const [range, step] = [match[1] as string, Number(match[2] ?? 1)]
    const [first, last] =
      range === '*'
        ? [spec.min, spec.max]
        : range.includes('-')
          ? (range.split('-').map((v) => fieldValue(expression, spec, v)) as [number, number])
          : [fieldValue(expression, spec, range), match[2] ? spec.max : fieldValue(expression, spec, range)]
    if (step < 1 || first > last)
      throw new ScheduleExpressionError(expression, `empty range "${item}" in ${spec.name}`)
    for (let v = first; v <= last; v += step) values.add(v)
  }
  return values
}

function fieldValue(expression: string, spec: FieldSpec, text: string): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1
  const value = named >= 0 ? spec.min + named : /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= spec.min && value <= spec.max)) {
    throw new ScheduleExpressionError(
      expression,
      `"${text}" is not a ${spec.name} (${spec.min}–${spec.max})${/[LW#]/.test(text) ? '; L, W and # are not read here' : ''}`,
    )
  }
  return value
}

const HOUR_MS = 3_600_000
/** Cron expressions are searched this far ahead; beyond it a schedule counts as never running. */
const HORIZON_DAYS = 366 * 8

/**
 * The first time the schedule runs after `after`, as EventBridge Scheduler runs it in
 * Europe/London: a cron time is London wall-clock time, so a 07:00 job runs at 06:00Z in summer
 * and 07:00Z in winter; a time that does not exist when the clocks go forward is skipped, and one
 * that happens twice when they go back runs once (the first). A rate counts from `after` (its
 * previous run) in elapsed time. `undefined` when a cron expression never runs again.
 */
export function nextRun(schedule: Schedule | string, after: Date): Date | undefined {
  const parsed = typeof schedule === 'string' ? parseSchedule(schedule) : schedule
  if (parsed.kind === 'rate') return new Date(after.getTime() + parsed.everyMs)
  const [y, m, d] = londonParts(after).date.split('-').map(Number) as [number, number, number]
  for (let day = 0; day < HORIZON_DAYS; day++) {
    const date = new Date(Date.UTC(y, m - 1, d + day))
    if (!runsOn(parsed, date)) continue
    for (const hour of parsed.hours) {
      for (const minute of parsed.minutes) {
        const wallClock = date.getTime() + hour * HOUR_MS + minute * 60_000
        // London is never behind UTC, so no instant of this wall-clock time is later than this.
        if (wallClock <= after.getTime()) continue
        const instant = firstInstantAt(wallClock)
        if (instant && instant > after) return instant
      }
    }
  }
  return undefined
}

function runsOn(cron: Extract<Schedule, { kind: 'cron' }>, date: Date): boolean {
  return (
    cron.years.has(date.getUTCFullYear()) &&
    cron.months.has(date.getUTCMonth() + 1) &&
    (cron.daysOfMonth?.has(date.getUTCDate()) ?? true) &&
    (cron.daysOfWeek?.has(date.getUTCDay() + 1) ?? true)
  )
}

/**
 * The first instant whose London wall-clock time is `wallClock` (read as if it were UTC), or
 * undefined when the clocks skip it. London is UTC+1 or UTC+0, so it is one of two instants; the
 * earlier (summer time) comes first when the clocks go back and the time happens twice.
 */
function firstInstantAt(wallClock: number): Date | undefined {
  const wanted = new Date(wallClock).toISOString().slice(0, 16)
  for (const offset of [HOUR_MS, 0]) {
    const instant = new Date(wallClock - offset)
    const { date, time } = londonParts(instant)
    if (`${date}T${time}` === wanted) return instant
  }
  return undefined
}
