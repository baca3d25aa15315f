import { keys, partitionPrefixes as partitions, TABLE } from '@ey/dynamodb'
import { Duration, Validations } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { Key } from 'aws-cdk-lib/aws-kms'
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { AppFunction, type Sender, type TableGrant } from './app-function.ts'
import { MailFeedback } from './mail-feedback.ts'

/** What every outbox item's partition key begins with, taken from the key function itself. */
export const OUTBOX_PREFIX = keys.outbox('').pk

/**
 * What sending an outbox item's email does to the table, in the mail function and in the jobs
 * function's sweep alike: it reads what the email is about, claims and closes the outbox item,
 * and closes an interest alert still open when its email goes.
 */
export const OUTBOX_DELIVERY_GRANTS: readonly TableGrant[] = [
  // The booking and its answers, the session and its register, the course, the alert, the
  // trainer of a digest, and whether the address is undeliverable.
  {
    actions: ['dynamodb:GetItem'],
    partitions: [
      partitions.booking,
      partitions.session,
      partitions.course,
      partitions.interestAlert,
      partitions.staff,
      partitions.undeliverable,
    ],
  },
  // A place's position in its session's waiting list.
  { actions: ['dynamodb:Query'], partitions: [partitions.session] },
  // A session's register (gsi1), a person's live bookings (gsi2), the parts of a day (gsi3).
  { actions: ['dynamodb:Query'], indexes: ['gsi1', 'gsi2', 'gsi3'] },
  // Claiming the outbox item, then marking it sent, skipped, failed or parked.
  { actions: ['dynamodb:UpdateItem'], partitions: [partitions.outbox] },
  // Closing an alert still open: the alert written anew, its lock removed and its LA's count
  // moved (both in the course's partition), in one transaction.
  { actions: ['dynamodb:PutItem'], partitions: [partitions.interestAlert] },
  { actions: ['dynamodb:DeleteItem', 'dynamodb:UpdateItem'], partitions: [partitions.course] },
]

export interface MailProps {
  /** The table whose stream carries the outbox. */
  table: ITableV2
  /** The key that signs the manage links in every email. */
  manageTokenSecret: ISecret
  /** The domain the emails come from; SES verifies it by the DKIM records it asks for. */
  domain: string
  /** The From header's display name. */
  senderName: string
  /** The public site's origin, for the links in emails. */
  siteUrl: string
  /** The key of the stack's topics, for the bounce and complaint topic (`topicKey`). */
  topicKey: Key
}

/**
 * Email: the SES identity and configuration set, the function that turns each new outbox item on
 * the table stream into one email, and the handling of bounces and complaints. A record the stream
 * mapping cannot claim is retried a few times, then its metadata lands in a queue instead of
 * blocking the shard; the outbox item itself stays due in the table.
 */
export class Mail extends Construct {
  /** The sender, for any other function that must send directly. */
  readonly sender: Sender
  readonly function: AppFunction
  /** Stream batches that failed every retry (metadata only: shard and sequence numbers). */
  readonly failedDeliveries: Queue
  /** Bounces and complaints, and the function that records them. */
  readonly feedback: MailFeedback

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id)
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    })
    const identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet,
    })
    this.sender = { identity, configurationSet, from: `${props.senderName} <no-reply@${props.domain}>` }
    this.feedback = new MailFeedback(this, 'Feedback', {
      configurationSet,
      table: props.table,
      topicKey: props.topicKey,
    })

    this.failedDeliveries = new Queue(this, 'FailedDeliveries', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.failedDeliveries).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the failure destination of the stream mapping; nothing consumes it automatically.',
    })

    this.function = new AppFunction(this, 'Function', {
      serviceName: 'mail',
      description: 'Sends the email each new outbox item stands for',
      timeout: Duration.seconds(30),
    })
      .bindTable(props.table, OUTBOX_DELIVERY_GRANTS)
      .bindSender(this.sender)
      .bindSecret('MANAGE_TOKEN_SECRET_ARN', props.manageTokenSecret)
      .setVariable('SITE_URL', props.siteUrl)

    this.function.function.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record the stream holds, so emails queued during a deployment are not skipped.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.failedDeliveries),
        // Only new outbox items: bookings, sessions and the outbox's own status updates never invoke it.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { [TABLE.partitionKey]: { S: FilterRule.beginsWith(OUTBOX_PREFIX) } } },
          }),
        ],
      }),
    )
  }
}
