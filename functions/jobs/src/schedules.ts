// What infra/ reads to make one EventBridge Scheduler schedule per job, and what `pnpm job` lists.
// It imports nothing, so the CDK app can read it without loading any runtime code.

/** Every schedule expression below is read in this time zone, in AWS and locally alike. */
export const SCHEDULE_TIME_ZONE = 'Europe/London'

/** A job's name, when it runs and what it does. */
export interface JobSchedule {
  /** Kebab-case; the Scheduler's event names the job by it (`{ "job": "<name>" }`). */
  name: string
  /**
   * An EventBridge Scheduler expression, `rate(5 minutes)` or `cron(0 7 * * ? *)` (minute, hour,
   * day of month, month, day of week, year), read in `SCHEDULE_TIME_ZONE`.
   */
  schedule: string
  /** One line for people: what the job does. */
  description: string
}

const SCHEDULES = [
  {
    name: 'expire-offers',
    schedule: 'rate(5 minutes)',
    description: 'Lets offers past their deadline go and offers each place to the next person waiting',
  },
  {
    name: 'reminders',
    schedule: 'rate(5 minutes)',
    description:
      'Emails the reminders due before each part (2 days and 2 hours unless the session sets others) to everyone holding a confirmed place',
  },
  {
    name: 'trainer-digest',
    schedule: 'cron(0 7 * * ? *)',
    description:
      'Emails each trainer the parts they run tomorrow, with numbers booked and waiting and the access needs to prepare for',
  },
  {
    name: 'questionnaire-invitations',
    // Every 5 minutes: a new or promoted place gets its pre invitation 10 to 15 minutes after it is confirmed.
    schedule: 'rate(5 minutes)',
    description:
      'Emails the questionnaire invitations due: pre once a place is confirmed and 2 days before if unanswered, post (with the certificate) once the last part has ended, follow-up when it opens',
  },
  {
    name: 'sweep-outbox',
    // Every 5 minutes: an email the stream did not deliver goes out at most 5 minutes after its
    // grace period or backoff ends.
    schedule: 'rate(5 minutes)',
    description:
      'Sends every outbox email still due (missed by the stream, or after its backoff), takes over stale claims, parks an email after its last attempt',
  },
  {
    name: 'retention',
    // Daily at 3am London time, when nobody books.
    schedule: 'cron(0 3 * * ? *)',
    description:
      'Erases the personal data of bookings whose session ended more than the retention period ago (24 months unless RETENTION_MONTHS says), keeping every figure; stops alerts and forgets undeliverable addresses that old',
  },
] as const satisfies readonly JobSchedule[]

/** The name of a job of the list. */
export type JobName = (typeof SCHEDULES)[number]['name']

/** The jobs, in the order `pnpm job` lists them. Each has its `run` in `registry.ts`. */
export const JOB_SCHEDULES: readonly JobSchedule[] = SCHEDULES
