import { RemovalPolicy, Validations } from 'aws-cdk-lib'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'

/**
 * The key that signs the private manage links sent by email. CloudFormation generates it, so it is
 * never in the repository; functions get its ARN and read it at cold start. Retained: losing it
 * would break every link already in people's inboxes.
 */
export class ManageTokenSecret extends Construct {
  readonly secret: Secret

  constructor(scope: Construct, id: string) {
    super(scope, id)
    this.secret = new Secret(this, 'Secret', {
      description: 'Signs the manage-booking links sent by email',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    })
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the key would invalidate every manage link already emailed; the tokens carry no key version yet, so the key is rotated only by a deliberate release.',
    })
  }
}
