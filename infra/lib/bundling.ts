// How every Lambda function is bundled: the CDK app (`AppFunction`), `pnpm bench:lambda` and the
// bundle budget test all read these, so what is measured is what is deployed.

import { dirname, join } from 'node:path'
import type { Plugin } from 'esbuild'

/** Each function's handler file, relative to the repository root, by its service name. */
export const FUNCTION_ENTRIES = {
  api: 'functions/api/src/lambda.ts',
  mail: 'functions/mail/src/index.ts',
  'mail-feedback': 'functions/mail/src/feedback.ts',
  jobs: 'functions/jobs/src/index.ts',
  stats: 'functions/stats/src/index.ts',
} as const

export type FunctionName = keyof typeof FUNCTION_ENTRIES

/** CommonJS dependencies bundled into ESM still call require() for Node built-ins. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);"

/**
 * zod's `locales` namespace holds every language's error messages (about 250 KB minified). It stays
 * in a bundle whenever zod's `z` namespace is used as a value, as `@hono/zod-openapi` does
 * (`extendZodWithOpenApi(z)`), so the API would carry it all. The platform speaks English only:
 * this resolves zod's locales index to English alone. English is the locale zod sets on its first
 * schema (`classic/schemas.js` imports `locales/en.js` itself), so error messages do not change.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)$/.test(args.resolveDir)
        ? { path: join(args.resolveDir, '../locales/en.js'), namespace: 'zod-english-only' }
        : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)}`,
      resolveDir: dirname(args.path),
    }))
  },
}

/**
 * The esbuild options of every function: ESM for Node.js 24, minified and tree-shaken, `module`
 * before `main` so ESM builds are chosen, zod in English only. Code split: a module the handler
 * loads with `import()` (the API's certificate PDF and pdf-lib) is a chunk of its own that a cold
 * start does not load. The AWS SDK is left out: the runtime's own is used (see the README's "On
 * AWS" for the measurements behind that).
 */
export const BUNDLING = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  treeShaking: true,
  splitting: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  bundleAwsSdk: false,
  /** What the runtime provides when the SDK is not bundled (our code imports no `@smithy` package itself). */
  awsSdkPackages: ['@aws-sdk/*'],
  plugins: [zodEnglishOnly],
} as const

/**
 * The most each bundle may weigh, minified, in bytes: today's size with a little room, so a test
 * fails when one grows. The goal is 300 KB each; these are above it (see the README).
 */
export const BUNDLE_BUDGETS: Record<FunctionName, number> = {
  api: 2_060 * 1024,
  mail: 1_330 * 1024,
  'mail-feedback': 1_010 * 1024,
  jobs: 1_335 * 1024,
  stats: 1_025 * 1024,
}
