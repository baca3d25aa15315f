import { DEFAULT_REMINDER_LEADS_MINUTES } from '@ey/domain'
import { partitionPrefixes as partitions } from '@ey/dynamodb'
import { JOB_SCHEDULES, SCHEDULE_TIME_ZONE } from '@ey/jobs-function/schedules'
import { Duration, Stack, Validations } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations'
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { AppFunction, type Sender, type TableGrant } from './app-function.ts'
import { OUTBOX_DELIVERY_GRANTS } from './mail.ts'

/**
 * What the jobs do to the table besides sending the outbox's emails (`sweep-outbox`, with the
 * mail function's grants, which also cover what the other jobs read): they query the work that
 * fell due (gsi4), expire lapsed offers (a transaction changing the booking and its session's
 * items: counts, queue entry, person lock), queue reminders, digests and invitations in the
 * outbox, and record them in the session's partition. The retention job reads old bookings (gsi3),
 * their answers (a batch) and the template versions answered, writes each booking erased with its
 * answers (in the booking's partition), and deletes the emails, certificates, alerts and
 * undeliverable records it erases.
 */
export const JOBS_GRANTS: readonly TableGrant[] = [
  ...OUTBOX_DELIVERY_GRANTS,
  { actions: ['dynamodb:Query'], indexes: ['gsi4'] },
  { actions: ['dynamodb:UpdateItem'], partitions: [partitions.booking, partitions.session] },
  { actions: ['dynamodb:DeleteItem'], partitions: [partitions.session] },
  { actions: ['dynamodb:PutItem'], partitions: [partitions.session, partitions.outbox, partitions.booking] },
  { actions: ['dynamodb:BatchGetItem'], partitions: [partitions.booking] },
  { actions: ['dynamodb:GetItem'], partitions: [partitions.questionnaireTemplate] },
  {
    actions: ['dynamodb:DeleteItem'],
    partitions: [
      partitions.outbox,
      partitions.certificate,
      partitions.interestAlert,
      partitions.undeliverable,
    ],
  },
]

/** Months a booking's personal data is kept after its session unless the `retentionMonths` context says: the domain's default. */
export const DEFAULT_RETENTION_MONTHS = 24

export interface JobsProps {
  table: ITableV2
  /** The key that manage links are signed with (every function's wiring reads it). */
  manageTokenSecret: ISecret
  /** The public site's origin. */
  siteUrl: string
  /** The mail's sender: `sweep-outbox` sends the outbox's emails as the mail function does. */
  sender: Sender
  /** Months a booking's personal data is kept after its session (`RETENTION_MONTHS`); default 24. */
  retentionMonths?: number
  /** Reminders of a session that sets none of its own, minutes before each part (`REMINDER_LEADS_MINUTES`); default 2 days and 2 hours. */
  reminderLeadsMinutes?: readonly number[]
}

/**
 * The scheduled jobs: one function that runs the job its event names, and one EventBridge
 * Scheduler schedule per job of the registry's list (`functions/jobs/src/schedules.ts`), read in
 * London time so a 07:00 job runs at 07:00 in summer and winter alike. The schedules' role may
 * invoke only this function. A run that cannot be delivered, or that fails on each of Lambda's
 * attempts, lands in a queue for a person to look at; the jobs are idempotent, so runs that
 * overlap or repeat do no harm.
 */
export class Jobs extends Construct {
  readonly function: AppFunction
  /** Runs the Scheduler could not deliver, and runs that failed every attempt (the event only). */
  readonly failedRuns: Queue
  /** One per job, by the job's name. */
  readonly schedules: Record<string, CfnSchedule>

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id)
    this.failedRuns = new Queue(this, 'FailedRuns', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.failedRuns).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedules and of the function’s asynchronous runs; nothing consumes it automatically.',
    })

    this.function = new AppFunction(this, 'Function', {
      serviceName: 'jobs',
      description: 'Runs the scheduled job its EventBridge Scheduler event names',
      // Under the shortest schedule (5 minutes), so a run has ended before the next one starts.
      timeout: Duration.minutes(4),
    })
      .bindTable(props.table, JOBS_GRANTS)
      .bindSender(props.sender)
      .bindSecret('MANAGE_TOKEN_SECRET_ARN', props.manageTokenSecret)
      .setVariable('SITE_URL', props.siteUrl)
      .setVariable('RETENTION_MONTHS', String(props.retentionMonths ?? DEFAULT_RETENTION_MONTHS))
      .setVariable(
        'REMINDER_LEADS_MINUTES',
        (props.reminderLeadsMinutes ?? DEFAULT_REMINDER_LEADS_MINUTES).join(','),
      )
    this.function.function.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new SqsDestination(this.failedRuns),
    })

    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets the job schedules invoke the jobs function, and nothing else',
    })
    role.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.function.function.functionArn],
      }),
    )
    this.failedRuns.grantSendMessages(role)

    this.schedules = Object.fromEntries(
      JOB_SCHEDULES.map((job) => [
        job.name,
        // The construct id is the job's name: renaming a job replaces its schedule.
        new CfnSchedule(this, job.name, {
          description: job.description,
          scheduleExpression: job.schedule,
          scheduleExpressionTimezone: SCHEDULE_TIME_ZONE,
          flexibleTimeWindow: { mode: 'OFF' },
          state: 'ENABLED',
          target: {
            arn: this.function.function.functionArn,
            roleArn: role.roleArn,
            input: JSON.stringify({ job: job.name }),
            // Retries of delivery (throttling, service errors); the function's own failures are
            // retried by Lambda's asynchronous invocation above.
            retryPolicy: { maximumRetryAttempts: 5, maximumEventAgeInSeconds: 3600 },
            deadLetterConfig: { arn: this.failedRuns.queueArn },
          },
        }),
      ]),
    )
  }
}
