import { partitionPrefixes } from '@ey/dynamodb'
import { Duration } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { Key } from 'aws-cdk-lib/aws-kms'
import {
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
  type IConfigurationSet,
} from 'aws-cdk-lib/aws-ses'
import type { Topic } from 'aws-cdk-lib/aws-sns'
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { Construct } from 'constructs'
import { AppFunction } from './app-function.ts'
import { encryptedTopic } from './encrypted-topic.ts'

export interface MailFeedbackProps {
  /** The configuration set every email is sent with: its bounce and complaint events come here. */
  configurationSet: IConfigurationSet
  /** The table the undeliverable addresses are kept in. */
  table: ITableV2
  /** The key of the stack's topics, which SES may use (`topicKey`). */
  topicKey: Key
}

/**
 * Bounces and complaints: the configuration set publishes them to an encrypted SNS topic, and a
 * function subscribed to it marks each permanently bouncing or complaining address undeliverable,
 * so that no more email is sent to it.
 */
export class MailFeedback extends Construct {
  readonly topic: Topic
  readonly function: AppFunction

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id)
    this.topic = encryptedTopic(this, 'Topic', props.topicKey)

    new ConfigurationSetEventDestination(this, 'Destination', {
      configurationSet: props.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    })

    this.function = new AppFunction(this, 'Function', {
      serviceName: 'mail-feedback',
      description: 'Marks addresses that bounce for good or complain as undeliverable',
      timeout: Duration.seconds(10),
    })
      // Marks an address undeliverable: one item per address, written whole, and nothing else.
      .bindTable(props.table, [
        { actions: ['dynamodb:PutItem'], partitions: [partitionPrefixes.undeliverable] },
      ])
    this.topic.addSubscription(new LambdaSubscription(this.function.function))
  }
}
