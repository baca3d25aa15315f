import { shiftedClock } from '@ey/runtime'
import type { JobDeps } from './deps.ts'
import type { Job, JobReport } from './registry.ts'

/** A finished run: which job, the instant it ran as, what it did and how long it took. */
export interface CompletedRun {
  job: string
  now: Date
  report: JobReport
  durationMs: number
}

/**
 * Runs a job as if at `now`: its clock reads `now` as the run starts and runs on from there, so
 * a run by hand at a chosen time behaves as the scheduled run at that time would.
 */
export async function runJob(job: Job, deps: JobDeps, now: Date = deps.clock.now()): Promise<CompletedRun> {
  const started = performance.now()
  const report = await job.run({ ...deps, clock: shiftedClock(now, deps.clock) }, now)
  return { job: job.name, now, report, durationMs: Math.round(performance.now() - started) }
}
