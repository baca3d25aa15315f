import { createHmac } from 'node:crypto'
import type { Clock, MaterialFiles } from '@ey/domain'
import { createLocalMaterialFiles, type LocalFilesConfig } from '@ey/files'
import type { CoreConfig } from './config.ts'
import { type Env, optionalEnv } from './env.ts'
import { loadOnce } from './load-once.ts'

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

/**
 * The material files adapter for this configuration. In S3, the S3 client and presigner (about 130 KB
 * bundled) load on the first call, from a chunk of their own: only the material routes make one, so
 * no other request's cold start loads them.
 */
export function wireMaterialFiles(config: MaterialFilesConfig, clock: Clock): MaterialFiles {
  if (config.kind === 'local') return createLocalMaterialFiles(config, clock)
  const { bucket } = config
  const s3 = loadOnce(async () => (await import('./s3-files.ts')).s3MaterialFiles(bucket, clock))
  return {
    put: async (file) => (await s3()).put(file),
    signUpload: async (file, seconds) => (await s3()).signUpload(file, seconds),
    signDownload: async (file, seconds) => (await s3()).signDownload(file, seconds),
    stat: async (key) => (await s3()).stat(key),
    delete: async (key) => (await s3()).delete(key),
  }
}
