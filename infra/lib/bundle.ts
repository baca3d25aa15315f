// Bundles a function as the CDK app does, for `pnpm bench:lambda` and the bundle budget test.
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { BUNDLING } from './bundling.ts'
import { REPO_ROOT } from './paths.ts'

/**
 * Bundles one handler file as the CDK app does; answers the bundle's path and size in bytes. With
 * `sdk: 'external'` the AWS SDK is left out (as the runtime's own would be used), for comparison.
 */
export async function bundleFunction(
  entry: string,
  outDir: string,
  { sdk = BUNDLING.bundleAwsSdk ? 'bundled' : 'external' }: { sdk?: 'bundled' | 'external' } = {},
): Promise<{ path: string; bytes: number }> {
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, 'index.mjs')
  const result = await build({
    entryPoints: [resolve(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    format: BUNDLING.format,
    platform: BUNDLING.platform,
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    treeShaking: BUNDLING.treeShaking,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    ...(sdk === 'bundled' ? {} : { external: ['@aws-sdk/*', '@smithy/*'] }),
    metafile: true,
    logLevel: 'silent',
  })
  const output =
    result.metafile.outputs[Object.keys(result.metafile.outputs).find((key) => key.endsWith('.mjs')) ?? '']
  return { path: outfile, bytes: output?.bytes ?? 0 }
}
