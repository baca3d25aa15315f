// What the benchmarks share: their options, the session they book and the people who book it,
// bursts of concurrent tasks, percentiles.

import { type AbuseLimits, type Person, raisedAbuseLimits, type Session } from '@ey/domain'

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
