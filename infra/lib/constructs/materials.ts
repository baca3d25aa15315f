import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface MaterialsProps {
  /** The public site's origin: the only one whose pages may upload and download by signed link. */
  siteUrl: string
}

/**
 * The files of course and session materials: a private, encrypted, SSL-only bucket with every
 * kind of public access blocked. Nothing reads it but through links the API signs for a few
 * minutes; uploads go from the browser straight to it by presigned PUT. Retained, versioned.
 */
export class Materials extends Construct {
  readonly bucket: Bucket

  constructor(scope: Construct, id: string, props: MaterialsProps) {
    super(scope, id)
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedOrigins: [props.siteUrl],
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ['content-type'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        // A removed material's file stays restorable for a month, then goes for good.
        { noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    })
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every read and write is through a link the API signs for a named staff member or a booking’s manage token; the API logs which route signed it.',
    })
  }
}
