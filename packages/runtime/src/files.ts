import { createHmac } from 'node:crypto'
import { S3Client } from '@aws-sdk/client-s3'
import type { Clock, MaterialFiles } from '@ey/domain'
import { createLocalMaterialFiles, createS3MaterialFiles, type LocalFilesConfig } from '@ey/files'
import type { CoreConfig } from './config.ts'
import { type Env, optionalEnv } from './env.ts'

/** Where material files live: a private S3 bucket in AWS, or a local folder served by the local stack. */
export type MaterialFilesConfig = { kind: 's3'; bucket: string } | ({ kind: 'local' } & LocalFilesConfig)

/**
 * The one switch between the two: `MATERIALS_BUCKET` names the bucket; otherwise `MATERIALS_DIR`
 * names the folder, whose links point at `SITE_URL` and are signed with a key derived from the
 * manage-token secret. Neither set stops start-up, naming both.
 */
export function materialFilesConfigFromEnv(
  env: Env,
  core: Pick<CoreConfig, 'siteUrl' | 'manageTokenSecret'>,
): MaterialFilesConfig {
  const bucket = optionalEnv('MATERIALS_BUCKET', env)
  if (bucket) return { kind: 's3', bucket }
  const dir = optionalEnv('MATERIALS_DIR', env)
  if (!dir)
    throw new Error('Missing environment variable MATERIALS_BUCKET (or MATERIALS_DIR for a local folder)')
  return { kind: 'local', dir, baseUrl: core.siteUrl, secret: localLinkSecret(core.manageTokenSecret) }
}

/** The key local file links are signed with: derived, so the manage-token secret itself signs nothing else. */
export function localLinkSecret(manageTokenSecret: string): string {
  return createHmac('sha256', manageTokenSecret).update('material-files').digest('base64url')
}

/** The S3 client of the bucket; none for a local folder. */
export function materialFilesClient(config: MaterialFilesConfig): S3Client | undefined {
  return config.kind === 's3' ? new S3Client({}) : undefined
}

/** The material files adapter for this configuration. */
export function wireMaterialFiles(
  config: MaterialFilesConfig,
  s3: S3Client | undefined,
  clock: Clock,
): MaterialFiles {
  if (config.kind === 'local') return createLocalMaterialFiles(config, clock)
  if (!s3) throw new Error('Material files in S3 need an S3 client')
  return createS3MaterialFiles(s3, config.bucket, clock)
}
