import { S3Client } from '@aws-sdk/client-s3'
import type { Clock, MaterialFiles } from '@ey/domain'
import { createS3MaterialFiles } from '@ey/files/s3'

/** Material files in the bucket, through a new S3 client. Imported by `wireMaterialFiles` on first use only. */
export function s3MaterialFiles(bucket: string, clock: Clock): MaterialFiles {
  return createS3MaterialFiles(new S3Client({}), bucket, clock)
}
