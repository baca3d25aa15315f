import {
  applyRetention,
  expireLapsedOffers,
  sendQuestionnaireInvitations,
  sendReminders,
  sendTrainerDigests,
  sweepOutbox,
} from '@ey/domain'
import type { JobDeps } from './deps.ts'
import { JOB_SCHEDULES, type JobName, type JobSchedule } from './schedules.ts'

/** What one run of a job did, as counts (e.g. `{ expired: 2, promoted: 2 }`); never personal data. */
export type JobReport = Record<string, number>

/**
 * One run of a job. It reads the time only from `now` (the instant it runs as) or `deps.clock`
 * (which reads `now` when the run starts); it must be idempotent, catch up on whatever fell due
 * while nothing ran, and never do what has become stale.
 */
export type JobRun = (deps: JobDeps, now: Date) => Promise<JobReport>

/** A job of the registry: its schedule and what it runs. */
export interface Job extends JobSchedule {
  run: JobRun
}

/** What each job runs: a domain use case, called with the job's dependencies. */
const RUNS: { [name in JobName]: JobRun } = {
  'expire-offers': (deps) => expireLapsedOffers(deps),
  reminders: sendReminders,
  'trainer-digest': sendTrainerDigests,
  'questionnaire-invitations': sendQuestionnaireInvitations,
  // Delivery (the templates, the calendar, the composer) loads with the sweep, the one job that sends.
  'sweep-outbox': async (deps, now) => {
    const { outboxDelivery } = await import('@ey/mail')
    return sweepOutbox({ outbox: deps.outbox, delivery: outboxDelivery(deps) }, now)
  },
  retention: async (deps, now) => ({
    ...(await applyRetention(
      {
        personalData: deps.personalData,
        responses: deps.results.responses,
        templates: deps.results.templates,
        alerts: deps.alerts,
        undeliverable: deps.undeliverable,
        catalogue: deps.catalogue,
        sessions: deps.sessions,
        retentionMonths: deps.retentionMonths,
      },
      now,
    )),
  }),
}

/** Every job, with its schedule (from `schedules.ts`) and its run. */
export const JOBS: readonly Job[] = JOB_SCHEDULES.map((entry) => ({
  ...entry,
  run: RUNS[entry.name as JobName],
}))

/** The job of this name, if there is one. */
export function findJob(name: string, jobs: readonly Job[] = JOBS): Job | undefined {
  return jobs.find((job) => job.name === name)
}
