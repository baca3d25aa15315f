import { PARKED_EMAIL_LOG } from '@ey/mail'
import { Duration } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import type { Key } from 'aws-cdk-lib/aws-kms'
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs'
import type { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { IQueue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import type { AppFunction } from './app-function.ts'
import { encryptedTopic } from './encrypted-topic.ts'

/** Where the platform's own metrics live (parked emails). */
export const METRIC_NAMESPACE = 'EarlyYearsSendTraining'

/** The thresholds of the alarms, in one place (each alarm's description says what it means). */
export const ALARM_THRESHOLDS = {
  /** API answers 5xx in five minutes. */
  apiServerErrors: 5,
  /** 95th percentile of the API's latency over five minutes, three periods running (ms). */
  apiLatencyP95Ms: 2_000,
  /** A function's errors in five minutes. */
  functionErrors: 1,
  /** A function's throttled invocations in five minutes. */
  functionThrottles: 1,
  /** Messages waiting in a dead-letter queue. */
  deadLetters: 1,
  /** Emails parked in an hour (each needs an administrator). */
  parkedEmails: 1,
  /** SES's bounce rate for the account (SES reviews an account at 5%, and may pause it at 10%). */
  bounceRate: 0.04,
  /** SES's complaint rate (reviewed at 0.1%, paused at 0.5%). */
  complaintRate: 0.0008,
} as const

export interface MonitoringProps {
  api: HttpApi
  /** Every function of the platform; each gets an error and a throttle alarm. */
  functions: readonly AppFunction[]
  /** Every dead-letter queue, by what it holds; each gets a depth alarm. */
  deadLetterQueues: Readonly<Record<string, IQueue>>
  /** The functions that may park an email (they send from the outbox). */
  outboxSenders: readonly AppFunction[]
  /** Who is emailed when an alarm goes off; none: only the topic (subscribe later). */
  alarmEmail?: string
  /** The key of the stack's topics, which CloudWatch may use (`topicKey`). */
  topicKey: Key
}

/**
 * What tells a person that something needs them: one alarm per failure that matters (the API's
 * errors and latency, each function's errors and throttles, each dead-letter queue, parked emails,
 * SES's bounce and complaint rates), all sent to one encrypted SNS topic, optionally emailed; and
 * one CloudWatch dashboard of the same metrics.
 */
export class Monitoring extends Construct {
  readonly topic: Topic
  readonly alarms: Alarm[] = []
  readonly dashboard: Dashboard

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id)
    this.topic = encryptedTopic(this, 'Alarms', props.topicKey)
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail))

    const fiveMinutes = Duration.minutes(5)
    const alarm = (name: string, metric: IMetric, threshold: number, description: string, periods = 1) => {
      const made = new Alarm(this, name, {
        metric,
        alarmDescription: description,
        threshold,
        evaluationPeriods: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      })
      made.addAlarmAction(new SnsAction(this.topic))
      this.alarms.push(made)
      return made
    }
    const t = ALARM_THRESHOLDS

    const serverErrors = props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' })
    const latency = props.api.metricLatency({ period: fiveMinutes, statistic: 'p95' })
    alarm(
      'ApiServerErrors',
      serverErrors,
      t.apiServerErrors,
      'The API answered 5xx at least 5 times in 5 minutes',
    )
    alarm(
      'ApiLatency',
      latency,
      t.apiLatencyP95Ms,
      'One API request in 20 took 2 s or more, for 15 minutes running',
      3,
    )

    for (const fn of props.functions) {
      const name = pascal(fn.serviceName)
      alarm(
        `${name}Errors`,
        fn.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        t.functionErrors,
        `The ${fn.serviceName} function failed in the last 5 minutes`,
      )
      alarm(
        `${name}Throttles`,
        fn.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        t.functionThrottles,
        `The ${fn.serviceName} function was throttled in the last 5 minutes`,
      )
    }

    for (const [what, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${pascal(what)}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        t.deadLetters,
        `Something is waiting in the ${what} dead-letter queue: look at it, then redrive or delete it`,
      )
    }

    const parked = new Metric({
      namespace: METRIC_NAMESPACE,
      metricName: 'ParkedEmails',
      period: Duration.hours(1),
      statistic: 'Sum',
    })
    for (const fn of props.outboxSenders) {
      new MetricFilter(this, `${pascal(fn.serviceName)}ParkedEmails`, {
        logGroup: fn.logGroup,
        filterPattern: FilterPattern.stringValue('$.message', '=', PARKED_EMAIL_LOG),
        metricNamespace: METRIC_NAMESPACE,
        metricName: 'ParkedEmails',
        metricValue: '1',
        defaultValue: 0,
      })
    }
    alarm(
      'ParkedEmails',
      parked,
      t.parkedEmails,
      'An email was parked after its last attempt: an administrator can resend it from the mail page',
    )

    const sesRate = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' })
    const bounceRate = sesRate('Reputation.BounceRate')
    const complaintRate = sesRate('Reputation.ComplaintRate')
    alarm(
      'BounceRate',
      bounceRate,
      t.bounceRate,
      'SES bounce rate reached 4% (SES reviews the account at 5%)',
    )
    alarm(
      'ComplaintRate',
      complaintRate,
      t.complaintRate,
      'SES complaint rate reached 0.08% (SES reviews the account at 0.1%)',
    )

    const graph = (title: string, metrics: IMetric[]) => new GraphWidget({ title, left: metrics, width: 12 })
    this.dashboard = new Dashboard(this, 'Dashboard', {
      widgets: [
        [
          new TextWidget({
            markdown:
              '# Early-years SEND training\nEvery alarm of the platform goes to the SNS topic of alarms.',
            width: 24,
            height: 2,
          }),
        ],
        [
          graph('API requests and 5xx', [props.api.metricCount({ period: fiveMinutes }), serverErrors]),
          graph('API latency (p95, ms)', [latency]),
        ],
        [
          graph(
            'Function errors',
            props.functions.map((fn) =>
              fn.function.metricErrors({ period: fiveMinutes, label: fn.serviceName }),
            ),
          ),
          graph(
            'Function throttles',
            props.functions.map((fn) =>
              fn.function.metricThrottles({ period: fiveMinutes, label: fn.serviceName }),
            ),
          ),
        ],
        [
          graph(
            'Dead-letter queues',
            Object.entries(props.deadLetterQueues).map(([what, queue]) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, label: what }),
            ),
          ),
          graph('Parked emails', [parked]),
        ],
        [graph('SES bounce rate', [bounceRate]), graph('SES complaint rate', [complaintRate])],
      ],
    })
  }
}

/** `mail-feedback` → `MailFeedback`, for construct ids. */
function pascal(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}
