// How every Lambda function is bundled: the CDK app (`AppFunction`), `pnpm bench:lambda` and the
// bundle budget test all read these, so what is measured is what is deployed.

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
 * The esbuild options of every function: ESM for Node.js 24, minified and tree-shaken, the AWS SDK
 * bundled (see the README's "On AWS" for why), `module` before `main` so ESM builds are chosen.
 */
export const BUNDLING = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  treeShaking: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  bundleAwsSdk: true,
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
