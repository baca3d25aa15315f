// Bundles a function as the CDK app does, for the CDK app itself (`infra/bin/bundle.ts`),
// `pnpm bench:lambda` and the bundle budget test.
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { BUNDLING } from './bundling.ts'
import { REPO_ROOT } from './paths.ts'

export interface Bundle {
  /** The handler's module, `index.mjs` in the output directory (the function's `index.handler`). */
  path: string
  /** What a cold start loads: the handler's module and the chunks it imports statically, in bytes. */
  bytes: number
  /** Every module of the bundle, the chunks loaded later by `import()` too, in bytes. */
  totalBytes: number
  /** The modules a cold start loads (`path` and the chunks it imports statically), as paths. */
  startFiles: string[]
  /** The source files (`node_modules/…` for packages) with code in what a cold start loads. */
  startInputs: string[]
  /** The source files with code anywhere in the bundle, the later chunks included. */
  allInputs: string[]
}

/**
 * Bundles one handler file as the CDK app does into `outDir` (emptied first): `index.mjs` and its
 * chunks under `chunks/`. With `sdk: 'external'` the AWS SDK is left out (the runtime's own is used);
 * `'bundled'` puts it in, to compare. Source maps when asked (the CDK app asks; measurements do not).
 * `plugins` run before the app's own (`pnpm bench:lambda` uses one to stand in for the SDK).
 */
export async function bundleFunction(
  entry: string,
  outDir: string,
  {
    sdk = BUNDLING.bundleAwsSdk ? 'bundled' : 'external',
    sourcemap = false,
    plugins = [],
  }: { sdk?: 'bundled' | 'external'; sourcemap?: boolean; plugins?: Plugin[] } = {},
): Promise<Bundle> {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const result = await build({
    entryPoints: { index: resolve(REPO_ROOT, entry) },
    outdir: outDir,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: BUNDLING.splitting,
    format: BUNDLING.format,
    platform: BUNDLING.platform,
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    treeShaking: BUNDLING.treeShaking,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    plugins: [...plugins, ...BUNDLING.plugins],
    external: sdk === 'bundled' ? [] : [...BUNDLING.awsSdkPackages],
    sourcemap: sourcemap ? 'linked' : false,
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
  })
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'))
  const byFile = new Map(outputs.map(([file, output]) => [resolve(file), output]))
  const path = join(resolve(outDir), 'index.mjs')
  // The handler's module and, through static imports, every chunk a cold start loads.
  const loaded = new Set<string>()
  const visit = (file: string) => {
    if (loaded.has(file)) return
    loaded.add(file)
    for (const imported of byFile.get(file)?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(resolve(imported.path))
  }
  visit(path)
  const size = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => sum + (byFile.get(file)?.bytes ?? 0), 0)
  const inputsOf = (files: Iterable<string>) =>
    [...files].flatMap((file) =>
      Object.entries(byFile.get(file)?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([input]) => input),
    )
  return {
    path,
    startFiles: [...loaded],
    bytes: size(loaded),
    totalBytes: size(byFile.keys()),
    startInputs: inputsOf(loaded),
    allInputs: inputsOf(byFile.keys()),
  }
}
