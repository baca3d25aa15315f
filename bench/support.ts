// What the benchmarks share: their options, the session they book and the people who book it,
// bursts of concurrent tasks, percentiles.

import { type AbuseLimits, fromLondon, type Person, raisedAbuseLimits, type Session } from '@ey/domain'
import { LOCAL_AUTHORITIES } from '@ey/reference-data'

/**
 * The abuse limits of every benchmark: raised far beyond its load (it books thousands of times from
 * one address, into waiting lists of thousands), so it measures the engine, not the limits. Every
 * run says so in its output (`announceRaisedLimits`).
 */
export const BENCH_LIMITS: AbuseLimits = raisedAbuseLimits()

/** Prints that this run raised the abuse limits, so no figure is read as one the defaults allow. */
export function announceRaisedLimits(): void {
  console.log(
    'Abuse limits raised for this run (BENCH_LIMITS): every rate limit and the waiting-list cap at 1,000,000.',
  )
}

/** The script's arguments: `pnpm bench:x -- --flag` hands the script a literal `--` first. */
export const benchArgs = () => process.argv.slice(2).filter((arg) => arg !== '--')

/** A published online session two weeks ahead with `capacity` places, for a benchmark to book. */
export function benchSession(id: string, capacity: number): Session {
  const start = new Date(Date.now() + 14 * 86_400_000)
  const now = new Date().toISOString()
  return {
    id,
    courseId: 'slcn-core',
    title: 'Benchmark session',
    parts: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 5_400_000).toISOString() }],
    format: 'online',
    capacity,
    heldCount: 0,
    waitingCount: 0,
    bespokeLaCodes: [],
    trainerIds: [],
    status: 'published',
    createdAt: now,
    updatedAt: now,
  }
}

/** `n` written in letters (0 → a, 26 → ba), as names take no digits. */
function letters(n: number): string {
  const digits = n.toString(26)
  return [...digits].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join('')
}

/** The `n`th person of a run, with an address of their own. */
export function benchPerson(run: string, n: number): Person {
  return {
    name: `Bench Person ${letters(n)}`,
    email: `bench.${run}.${n}@example.org`,
    role: 'nursery-practitioner',
    settingName: 'Bench Nursery',
    settingType: 'private-nursery',
    laCode: 'E08000035',
    shareWithLa: n % 2 === 0,
  }
}

/** One task of a burst: how long it took, and what it answered or threw. */
export interface BurstResult<T> {
  ms: number
  value?: T
  error?: unknown
}

/** Runs `count` tasks with at most `concurrency` in flight; returns each task's latency in ms. */
export async function burst<T>(count: number, concurrency: number, task: (n: number) => Promise<T>) {
  const results: BurstResult<T>[] = new Array(count)
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const n = next++
        const t0 = performance.now()
        try {
          const value = await task(n)
          results[n] = { ms: performance.now() - t0, value }
        } catch (error) {
          results[n] = { ms: performance.now() - t0, error }
        }
      }
    }),
  )
  return { results, seconds: (performance.now() - started) / 1000 }
}

/** The `p`th percentile (nearest rank) of numbers sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** The `n`th past session: weekday twilights from September 2025 to July 2026, 30 places. */
export function pastBenchSession(n: number, courseId: string): Session {
  const day = new Date(Date.UTC(2025, 8, 8 + (Math.floor(n / 40) % 300)))
  if (day.getUTCDay() === 0) day.setUTCDate(day.getUTCDate() + 1)
  if (day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 2)
  const start = fromLondon(day.toISOString().slice(0, 10), '16:00')
  const at = new Date(start.getTime() - 42 * 86_400_000).toISOString()
  return {
    id: `bench-${n}`,
    courseId,
    title: 'Benchmark session',
    parts: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 5_400_000).toISOString() }],
    format: 'online',
    capacity: 30,
    heldCount: 0,
    waitingCount: 0,
    bespokeLaCodes: [],
    trainerIds: [],
    status: 'published',
    createdAt: at,
    updatedAt: at,
  }
}

/**
 * Every LA's code, repeated by its kind as a stand-in for its size (counties hold several
 * districts each): a booking's LA drawn from it spreads bookings over England as people are.
 */
export function weightedLaCodes(): string[] {
  const weight: Record<string, number> = { E06: 2, E08: 3, E09: 2, E10: 6 }
  return LOCAL_AUTHORITIES.flatMap((la) => Array(weight[la.code.slice(0, 3)] ?? 1).fill(la.code))
}
