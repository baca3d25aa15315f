import * as z from 'zod'
import type { JobDeps } from './deps.ts'
import { findJob, JOBS, type Job } from './registry.ts'
import { type CompletedRun, runJob } from './run-job.ts'

/** The event each EventBridge Scheduler schedule sends: the name of the job to run. */
export const JobEventSchema = z.object({ job: z.string() })

/** An event that names no job of the registry: a misconfigured schedule, so it fails loudly. */
export class UnknownJobError extends Error {
  constructor(event: unknown, jobs: readonly Job[]) {
    const named = JobEventSchema.safeParse(event)
    super(
      `${named.success ? `Unknown job "${named.data.job}"` : 'The event names no job (expected {"job": "<name>"})'}; the jobs are: ${jobs.map((job) => job.name).join(', ') || 'none'}`,
    )
    this.name = 'UnknownJobError'
  }
}

/** What the handler answers: the run, with its instant as ISO text. */
export interface JobResult extends Omit<CompletedRun, 'now'> {
  now: string
}

/**
 * The jobs function's handler: runs the job the event names at the clock's time and logs what it
 * did (the job's name and counts only). A failed run is logged and thrown, so Lambda records it.
 */
export function createJobsHandler(deps: JobDeps, jobs: readonly Job[] = JOBS) {
  return async (event: unknown): Promise<JobResult> => {
    const parsed = JobEventSchema.safeParse(event)
    const job = parsed.success ? findJob(parsed.data.job, jobs) : undefined
    if (!job) {
      const error = new UnknownJobError(event, jobs)
      deps.logger.error(error.message)
      throw error
    }
    try {
      const run = await runJob(job, deps)
      deps.logger.info('Job finished', { job: run.job, report: run.report, durationMs: run.durationMs })
      return { ...run, now: run.now.toISOString() }
    } catch (error) {
      deps.logger.error('Job failed', {
        job: job.name,
        error: error instanceof Error ? error.name : 'UnknownError',
      })
      throw error
    }
  }
}
