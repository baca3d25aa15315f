import { Logger } from '@ey/runtime'
import type { Context } from 'aws-lambda'
import { jobsClients, jobsConfigFromEnv, wireJobs } from './deps.ts'
import { createJobsHandler, type JobResult } from './handler.ts'

export {
  type JobDeps,
  type JobsClients,
  type JobsConfig,
  jobsClients,
  jobsConfigFromEnv,
  wireJobs,
} from './deps.ts'
export { createJobsHandler, JobEventSchema, type JobResult, UnknownJobError } from './handler.ts'
export { findJob, JOBS, type Job, type JobReport, type JobRun } from './registry.ts'
export { type CompletedRun, runJob } from './run-job.ts'
export { nextRun, parseSchedule, type Schedule, ScheduleExpressionError } from './schedule-expression.ts'
export { JOB_SCHEDULES, type JobName, type JobSchedule, SCHEDULE_TIME_ZONE } from './schedules.ts'

const logger = new Logger({ serviceName: 'jobs' })
let handle: Promise<ReturnType<typeof createJobsHandler>> | undefined

/**
 * The Lambda entry, invoked by EventBridge Scheduler with `{ "job": "<name>" }`. Dependencies are
 * built once per container, on the first event rather than at import, so the local stack can
 * import this package without AWS settings.
 */
export const handler = async (event: unknown, context: Context): Promise<JobResult> => {
  logger.addContext(context)
  handle ??= jobsConfigFromEnv().then((config) =>
    createJobsHandler(wireJobs(config, jobsClients(config), { logger })),
  )
  return (await handle)(event)
}
