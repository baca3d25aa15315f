import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import { Topic } from 'aws-cdk-lib/aws-sns'
import type { Construct } from 'constructs'

export interface EncryptedTopicProps {
  /** The construct ids of the topic and of its key. */
  topicId: string
  keyId: string
  /** What the key encrypts, shown in the console. */
  description: string
  /** The AWS service that publishes to the topic, such as `ses.amazonaws.com`. */
  publisher: string
}

/**
 * An SSL-only SNS topic encrypted with a key of its own, which the publishing service may use (for
 * this account only): a service publishes to an encrypted topic only if the key lets it, which the
 * AWS-managed SNS key does not.
 */
export function encryptedTopic(scope: Construct, props: EncryptedTopicProps): Topic {
  const key = new Key(scope, props.keyId, { description: props.description, enableKeyRotation: true })
  key.addToResourcePolicy(
    new PolicyStatement({
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      principals: [new ServicePrincipal(props.publisher)],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': key.stack.account } },
    }),
  )
  return new Topic(scope, props.topicId, { masterKey: key, enforceSSL: true })
}
