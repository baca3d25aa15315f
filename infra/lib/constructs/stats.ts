import { keys, partitionPrefixes as partitions, TABLE } from '@ey/dynamodb'
import { Duration, Validations } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { AppFunction } from './app-function.ts'

/** The keys of every booking item, taken from the key function itself. */
export const BOOKING_KEY = keys.booking('')

export interface StatsProps {
  /** The table whose stream carries the bookings' changes, and which holds the aggregates. */
  table: ITableV2
}

/**
 * The take-up aggregates: a function fed every change of a booking item by the table's stream,
 * which brings the aggregates in line with the booking as it is. What it gives up on after its
 * retries is named (shard and sequence numbers) in a queue; that booking counts as it was last
 * applied until it changes again.
 */
export class Stats extends Construct {
  readonly function: AppFunction
  /** Stream batches that failed every retry (metadata only: shard and sequence numbers). */
  readonly failedRecords: Queue

  constructor(scope: Construct, id: string, props: StatsProps) {
    super(scope, id)
    this.failedRecords = new Queue(this, 'FailedRecords', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    })
    Validations.of(this.failedRecords).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the failure destination of the stream mapping; nothing consumes it automatically.',
    })

    this.function = new AppFunction(this, 'Function', {
      serviceName: 'stats',
      description: 'Keeps the take-up aggregates in line with each booking the table stream announces',
      timeout: Duration.seconds(60),
      memorySize: 512,
    }).bindTable(props.table, [
      // The booking as it is, what it last added (beside it), and the distinct-count markers.
      {
        actions: ['dynamodb:BatchGetItem'],
        partitions: [partitions.booking, partitions.takeUpPerson, partitions.takeUpSetting],
      },
      // What it adds now (beside the booking) and the markers, in one transaction with the counts.
      {
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        partitions: [partitions.booking, partitions.takeUpPerson, partitions.takeUpSetting],
      },
      // The counts of days, months and academic years.
      {
        actions: ['dynamodb:UpdateItem'],
        partitions: [partitions.takeUpDay, partitions.takeUpMonth, partitions.takeUpReach],
      },
    ])

    this.function.function.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record the stream holds, so no booking change made during a deployment is missed.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        // As many as the local stack's poller makes (a test holds them together), bisecting each time.
        retryAttempts: 5,
        onFailure: new SqsDlq(this.failedRecords),
        // Booking items only (inserted, changed or removed): their answers, their contributions to
        // the aggregates and every other item never invoke it.
        filters: [
          FilterCriteria.filter({
            dynamodb: {
              Keys: {
                [TABLE.partitionKey]: { S: FilterRule.beginsWith(BOOKING_KEY.pk) },
                [TABLE.sortKey]: { S: FilterRule.isEqual(BOOKING_KEY.sk) },
              },
            },
          }),
        ],
      }),
    )
  }
}
