import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import { Topic } from 'aws-cdk-lib/aws-sns'
import type { Construct } from 'constructs'

/**
 * The one key of the stack's SNS topics, which each publishing service may use (for this account
 * only): a service publishes to an encrypted topic only if the key lets it, which the AWS-managed
 * SNS key does not. One key for every topic, as each customer-managed key is billed every month.
 */
export function topicKey(scope: Construct, id: string, publishers: readonly string[]): Key {
  const key = new Key(scope, id, {
    description: 'Encrypts the SNS topics: SES bounces and complaints, alarm notifications',
    enableKeyRotation: true,
  })
  for (const publisher of publishers) {
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        principals: [new ServicePrincipal(publisher)],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': key.stack.account } },
      }),
    )
  }
  return key
}

/** An SSL-only SNS topic encrypted with the topics' key (`topicKey`). */
export function encryptedTopic(scope: Construct, id: string, key: Key): Topic {
  return new Topic(scope, id, { masterKey: key, enforceSSL: true })
}
