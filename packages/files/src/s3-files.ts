import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { type Clock, type MaterialFiles, RepositoryError } from '@ey/domain'
import { attachment } from './disposition.ts'

/** Whether S3 answered that nothing is stored under the key. */
function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  return name === 'NotFound' || name === 'NoSuchKey' || status === 404
}

/**
 * Material files in a private S3 bucket. Uploads are presigned `PUT`s of the exact type and size,
 * so large files go straight from the browser to S3; downloads are presigned `GET`s that answer
 * `Content-Disposition: attachment`. Failures other than a missing object become a `RepositoryError`.
 */
export function createS3MaterialFiles(s3: S3Client, bucket: string, clock: Clock): MaterialFiles {
  const fail = (action: string) => (cause: unknown) => {
    throw new RepositoryError(`S3 ${action} failed`, cause)
  }
  return {
    async put({ key, contentType, body }) {
      await s3
        .send(new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, Body: body }))
        .catch(fail('put'))
    },
    async signUpload({ key, contentType, size }, seconds) {
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: size,
      })
      const url = await getSignedUrl(s3, command, {
        expiresIn: seconds,
        signableHeaders: new Set(['content-type', 'content-length']),
      }).catch(fail('sign upload'))
      return {
        url,
        method: 'PUT',
        headers: { 'Content-Type': contentType },
        expiresAt: new Date(clock.now().getTime() + seconds * 1000),
      }
    },
    async signDownload({ key, fileName, contentType }, seconds) {
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: attachment(fileName),
        ResponseContentType: contentType,
      })
      return getSignedUrl(s3, command, { expiresIn: seconds }).catch(fail('sign download'))
    },
    async stat(key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        return { size: head.ContentLength ?? 0 }
      } catch (error) {
        if (isMissing(error)) return undefined
        throw new RepositoryError('S3 head failed', error)
      }
    },
    async delete(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(fail('delete'))
    },
  }
}
