import {
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { RepositoryError } from '@ey/domain'
import { createS3MaterialFiles } from '@ey/files/s3'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'
import { fakeClock } from '../support/factories.ts'

const s3 = new S3Client({
  region: 'eu-west-2',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
})
const mock = mockClient(s3)
const files = createS3MaterialFiles(s3, 'materials-bucket', fakeClock())
const KEY = 'materials/session/s1/m1/slides.pdf'

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  })
}

beforeEach(() => mock.reset())

describe('material files in S3', () => {
  it('presigns an upload of the exact type and size, and a download as an attachment, both short-lived', async () => {
    const upload = new URL(
      (await files.signUpload({ key: KEY, contentType: 'application/pdf', size: 1234 }, 900)).url,
    )
    expect(upload.hostname).toBe('materials-bucket.s3.eu-west-2.amazonaws.com')
    expect(upload.pathname).toBe(`/${KEY}`)
    expect(upload.searchParams.get('X-Amz-Expires')).toBe('900')
    expect(upload.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host')

    const download = new URL(
      await files.signDownload({ key: KEY, fileName: 'Week 1.pdf', contentType: 'application/pdf' }, 300),
    )
    expect(download.searchParams.get('X-Amz-Expires')).toBe('300')
    expect(download.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Week 1.pdf"; filename*=UTF-8''Week%201.pdf`,
    )
  })

  it('answers undefined for a missing object, asking for exactly that key', async () => {
    mock.on(HeadObjectCommand).rejects(s3Error('NotFound', 404))
    expect(await files.stat(KEY)).toBeUndefined()
    expect(mock.commandCalls(HeadObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'materials-bucket',
      Key: KEY,
    })
  })

  it('reads the stored size', async () => {
    mock.on(HeadObjectCommand).resolves({ ContentLength: 1234 })
    expect(await files.stat(KEY)).toEqual({ size: 1234 })
  })

  it.each([
    ['head', () => files.stat(KEY), HeadObjectCommand],
    ['delete', () => files.delete(KEY), DeleteObjectCommand],
    [
      'put',
      () => files.put({ key: KEY, contentType: 'application/pdf', body: new Uint8Array(3) }),
      PutObjectCommand,
    ],
  ] as const)(
    'turns a refused or failed %s into a RepositoryError with its cause',
    async (_name, act, command) => {
      const cause = s3Error('AccessDenied', 403)
      mock.on(command as never).rejects(cause)
      const error = await act().catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(RepositoryError)
      expect((error as RepositoryError).cause).toBe(cause)
    },
  )

  it('deletes exactly the key it is given', async () => {
    mock.on(DeleteObjectCommand).resolves({})
    await files.delete(KEY)
    expect(mock.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'materials-bucket',
      Key: KEY,
    })
  })
})
