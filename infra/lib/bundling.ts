// How every Lambda function is bundled: the CDK app (`AppFunction`), `pnpm bench:lambda` and the
// bundle budget test all read these, so what is measured is what is deployed.

import { readFile } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'esbuild'

/** Each function's handler file, relative to the repository root, by its service name. */
export const FUNCTION_ENTRIES = {
  api: 'functions/api/src/lambda.ts',
  mail: 'functions/mail/src/lambda.ts',
  'mail-feedback': 'functions/mail/src/feedback.ts',
  jobs: 'functions/jobs/src/lambda.ts',
  stats: 'functions/stats/src/index.ts',
} as const

export type FunctionName = keyof typeof FUNCTION_ENTRIES

/** CommonJS dependencies bundled into ESM still call require() for Node built-ins. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);"

/**
 * zod keeps only the schemas a bundle uses when its `z` is imported as a namespace (`import * as z
 * from 'zod'`, as the code does) and used only as `z.something`. `@hono/zod-openapi` imports `z` by
 * name, hands it to `extendZodWithOpenApi(z)` and exports it again, which would keep all of zod in
 * the API (every schema, JSON Schema conversion, every language's messages). That function reads
 * only `z.ZodType` (to add `.openapi()` to its prototype): this gives it just that, and the package
 * exports no `z` (import zod's own). Fails the build if a new version of the package is written
 * otherwise, rather than bundling something else.
 */
export const zodOpenApiShakable: Plugin = {
  name: 'zod-openapi-shakable',
  setup(build) {
    build.onLoad({ filter: /[\\/]@hono[\\/]zod-openapi[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8')
      for (const [from, to] of [
        ['import { z } from "zod";', 'import { ZodType } from "zod";'],
        ['extendZodWithOpenApi(z);', 'extendZodWithOpenApi({ ZodType });'],
        [', extendZodWithOpenApi, z };', ', extendZodWithOpenApi };'],
      ] as const) {
        if (contents.split(from).length !== 2)
          throw new Error(
            `${args.path} has no single ${from}: see zodOpenApiShakable in infra/lib/bundling.ts`,
          )
        contents = contents.replace(from, to)
      }
      // Any other use of `z` (`z.object(…)`, `f(z)`) would now be an undeclared name.
      if (/(?<![\w$.'"-])z(?=\s*[.(,)\]};])/.test(contents))
        throw new Error(`${args.path} uses z elsewhere: see zodOpenApiShakable in infra/lib/bundling.ts`)
      return { contents, loader: 'js' }
    })
  },
}

/**
 * zod's `locales` namespace holds every language's error messages (about 250 KB minified); it stays
 * in a bundle if anything uses zod's `z` namespace as a value. The platform speaks English only:
 * this resolves zod's locales index to English alone, so that cannot happen. English is the locale
 * zod sets on its first schema (`classic/schemas.js` imports `locales/en.js` itself), so error
 * messages do not change.
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
 * An ESM `import` of a Node.js built-in makes Node build the module's ESM facade, which reads every
 * export once: reading `node:http`'s (`WebSocket`, `CloseEvent`, `MessageEvent`) loads undici, 10 to
 * 20 ms of a cold start here that nothing uses (the SDK's HTTP handler also does
 * `import('node:http')` on its first request). This plugin compiles each such import, static or
 * `import()`, into `require()` (the banner's), as esbuild already does for CommonJS dependencies:
 * the built-in's exports are then read only when used.
 */
export const builtinsRequired: Plugin = {
  name: 'builtins-required',
  setup(build) {
    build.onResolve({ filter: /^[a-z0-9_:/]+$/ }, (args) =>
      (args.kind === 'import-statement' || args.kind === 'dynamic-import') && isBuiltin(args.path)
        ? { path: args.path.replace(/^(?!node:)/, 'node:'), namespace: 'builtin-required' }
        : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'builtin-required' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)})`,
      loader: 'js',
    }))
  },
}

/**
 * `@touch4it/ical-timezones` (the VTIMEZONE of a calendar file) reads each zone's `.ics` file from
 * its package folder, `__dirname/zones/…`, when a calendar is written. A bundle has neither
 * `__dirname` (ESM) nor that folder, so every calendar file failed in a function: the emails that
 * carry one were never sent. This gives the bundles a module of the same exports holding London's
 * zone, the only one the platform writes, read from the package's own file at build time (so it is
 * the package's text, not a copy); any other zone throws, naming this plugin.
 */
export const icalLondonZoneInlined: Plugin = {
  name: 'ical-london-zone-inlined',
  setup(build) {
    build.onLoad({ filter: /[\\/]@touch4it[\\/]ical-timezones[\\/]index\.js$/ }, async (args) => {
      const london = await readFile(join(dirname(args.path), 'zones', 'Europe', 'London.ics'), 'utf8')
      const component = london.slice(london.indexOf('BEGIN:VTIMEZONE'), london.indexOf('END:VCALENDAR'))
      if (!component.startsWith('BEGIN:VTIMEZONE'))
        throw new Error(`${args.path}: no VTIMEZONE in zones/Europe/London.ics; see icalLondonZoneInlined`)
      return {
        loader: 'js',
        contents: `const zones = { 'Europe/London': ${JSON.stringify(component)} }
function getVtimezoneComponent(timezone) {
  if (!(timezone in zones)) throw new Error('Only Europe/London is bundled (icalLondonZoneInlined in infra/lib/bundling.ts), not ' + timezone)
  return zones[timezone]
}
module.exports = { getVtimezoneComponent, timezoneExists: (timezone) => timezone in zones }
`,
      }
    })
  },
}

/**
 * Lambda hands every function its role's credentials in environment variables
 * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the first place the SDK's
 * default chain looks; its other links (SSO, profile files, processes, web identity through STS,
 * container and instance metadata) are never reached in a function. They are `import()`ed, so each
 * is a chunk of its own, but they share SDK modules (the STS client's query protocol, XML) with the
 * handler, and esbuild places a module shared with any lazy chunk in a chunk the handler loads at
 * start: 15 to 18 KB more on every cold start while the functions called AWS through the SDK. Only
 * the API's S3 and Cognito chunks use the SDK now (the rest goes through `@ey/aws-http`), and the
 * plugin keeps what they load to the one link. This gives the bundles a chain of that first link
 * only, with the package's other exports as they are; with no credentials in the environment it
 * fails with that link's own error ("Unable to find environment variable credentials"). Lambda
 * SnapStart gives credentials through the container endpoint instead, so a function that turned it
 * on would need the full chain (`test/infra/stack.test.ts` fails if one does). A new version of the
 * package that exports anything else fails the build, naming this plugin.
 */
export const lambdaCredentialsFromEnv: Plugin = {
  name: 'lambda-credentials-from-env',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@aws-sdk[\\/]credential-provider-node[\\/]dist-es[\\/]defaultProvider\.js$/ },
      async (args) => {
        const original = await readFile(args.path, 'utf8')
        const exported = [...original.matchAll(/^export const (\w+)/gm)].map((match) => match[1])
        if (exported.join() !== 'defaultProvider,credentialsWillNeedRefresh,credentialsTreatedAsExpired')
          throw new Error(`${args.path} exports ${exported.join(', ')}: see lambdaCredentialsFromEnv`)
        return {
          loader: 'js',
          contents: `import { fromEnv } from "@aws-sdk/credential-provider-env";
export const defaultProvider = (init = {}) => fromEnv(init);
export const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials) => credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300000;
`,
        }
      },
    )
  },
}

/**
 * Each AWS SDK client imports its whole `package.json` (its scripts, dependencies and so on, 2 to
 * 3 KB each) to read one field, `version`, for the user agent; nothing in the SDK reads another.
 * This gives the bundles the version alone.
 */
export const sdkPackageVersionOnly: Plugin = {
  name: 'sdk-package-version-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/][\w-]+[\\/]package\.json$/ }, async (args) => {
      const { version } = JSON.parse(await readFile(args.path, 'utf8')) as { version: string }
      return { loader: 'json', contents: JSON.stringify({ version }) }
    })
  },
}

/**
 * zod's classic schemas carry JSON Schema conversion (`.toJSONSchema()`, the Standard Schema
 * `jsonSchema` methods): each schema type's constructor wires in its converter, so the conversion
 * code (about 14 KB minified) stays in every bundle although no function converts a schema; the
 * API's OpenAPI document comes from `@asteasolutions/zod-to-openapi`, which walks the schemas
 * itself. This gives the bundles those two modules with their export names, each a function that
 * throws, naming this plugin, if a conversion is ever asked for. What the schemas read at run time
 * is kept as zod wrote it: `aggregateChecks` and its helpers, the head of the processors' module,
 * behind `.minLength`, `.maxValue` and `.format` (zod-to-openapi reads those). A file written
 * otherwise fails the build.
 */
export const zodJsonSchemaLeftOut: Plugin = {
  name: 'zod-json-schema-left-out',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/ },
      async (args) => {
        const original = await readFile(args.path, 'utf8')
        const fail = (why: string) => new Error(`${args.path} ${why}: see zodJsonSchemaLeftOut`)
        // The processors' module opens with what schemas use at run time; conversion starts here.
        const processors = args.path.endsWith('json-schema-processors.js')
        const cut = processors ? original.indexOf('\nconst formatMap = {') : 0
        const kept = original.slice(0, cut)
        if (processors && (cut < 0 || !kept.includes('export function aggregateChecks(')))
          throw fail('no longer opens with aggregateChecks')
        const names = [
          ...original.slice(cut).matchAll(/^export (?:const|function) (\w+)|^export \{ \w+ as (\w+) \};$/gm),
        ].map((match) => match[1] ?? match[2] ?? '')
        // The two factories make the methods every schema carries: the methods must throw, not the making.
        const factories = ['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']
        if (!processors && !factories.every((name) => names.includes(name)))
          throw fail(`no longer exports ${factories.join(' and ')}`)
        return {
          loader: 'js',
          contents: [
            kept,
            "function unavailable() { throw new Error('zod JSON Schema conversion is left out of this bundle (zodJsonSchemaLeftOut in infra/lib/bundling.ts)') }",
            ...names.map((name) =>
              factories.includes(name)
                ? `export const ${name} = () => unavailable`
                : `export const ${name} = unavailable`,
            ),
          ].join('\n'),
        }
      },
    )
  },
}

/** The file types the platform's emails carry or may carry: the extensions nodemailer's tables keep. */
export const MAIL_FILE_TYPES: Record<string, string> = {
  ics: 'text/calendar',
  txt: 'text/plain',
  html: 'text/html',
  csv: 'text/csv',
  pdf: 'application/pdf',
}

/**
 * nodemailer's MIME composer guesses a part's type from its file name (and a name from its type)
 * when it is not given, from two tables of some 2,000 types each: 74 KB of the mail and jobs
 * functions' cold start. Every part the platform writes names its type and its file; this keeps in
 * those tables the rows of `MAIL_FILE_TYPES` alone, the rest of the module as the package wrote it,
 * so an unknown name gets nodemailer's own default (`application/octet-stream`, `.bin`). The tables
 * are read from the package's file when bundling; a file written otherwise fails the build.
 */
export const nodemailerTypesTrimmed: Plugin = {
  name: 'nodemailer-types-trimmed',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]nodemailer[\\/]dist[\\/]esm[\\/]mime-funcs[\\/]mime-types\.js$/ },
      async (args) => {
        let contents = await readFile(args.path, 'utf8')
        const types = new Set(Object.values(MAIL_FILE_TYPES))
        for (const [table, keep] of [
          ['mimeTypes', (key: string) => types.has(key)],
          ['extensions', (key: string) => key in MAIL_FILE_TYPES],
        ] as const) {
          const start = `const ${table} = new Map([`
          const from = contents.indexOf(start)
          const to = contents.indexOf(']);', from)
          if (from < 0 || to < 0 || contents.indexOf(start, from + 1) >= 0)
            throw new Error(`${args.path} has no single ${start}: see nodemailerTypesTrimmed`)
          // The package's own table (array literals of strings), evaluated here, at build time.
          const rows = new Function(`return [${contents.slice(from + start.length, to)}]`)() as [
            string,
            string | string[],
          ][]
          const kept = rows.filter(([key]) => keep(key))
          if (kept.length < 3) throw new Error(`${args.path}: ${table} lacks the platform's types`)
          contents = `${contents.slice(0, from)}const ${table} = new Map(${JSON.stringify(kept)}${contents.slice(to + 1)}`
        }
        return { contents, loader: 'js' }
      },
    )
  },
}

/**
 * nodemailer fetches an attachment's content over HTTP when it is given as a URL (`href`, or a
 * `path` that is one) with its own client (`fetch/index.js` and its cookie jar, about 7 KB
 * minified), which the MIME composer imports whether or not it is used: in the mail and jobs
 * functions' cold start. The platform gives every attachment its content as text, and
 * `composeRawEmail` turns URL and file access off (`disableUrlAccess`, `disableFileAccess`), so
 * nodemailer refuses a URL before it would fetch one. This gives the bundles a module of the same
 * export whose fetch throws, naming this plugin. A module exporting anything else fails the build.
 */
export const nodemailerFetchLeftOut: Plugin = {
  name: 'nodemailer-fetch-left-out',
  setup(build) {
    build.onLoad({ filter: /[\\/]nodemailer[\\/]dist[\\/]esm[\\/]fetch[\\/]index\.js$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8')
      const exported = [...original.matchAll(/^export\b.*$/gm)].map((match) => match[0])
      if (exported.join('\n') !== 'export default nmfetch;')
        throw new Error(`${args.path} exports ${exported.join(' ')}: see nodemailerFetchLeftOut`)
      return {
        loader: 'js',
        contents: `export default function nmfetch() {
  throw new Error('nodemailer fetching a URL is left out of this bundle (nodemailerFetchLeftOut in infra/lib/bundling.ts)')
}
`,
      }
    })
  },
}

/**
 * The esbuild options of every function: ESM for Node.js 24, minified and tree-shaken, `module`
 * before `main` so ESM builds are chosen, zod shaken and in English only. Code split: a module the
 * handler loads with `import()` (in the API: the certificate PDF with pdf-lib, the calendar file
 * with ical-generator, the S3 client and presigner of material files, the Cognito client of staff
 * invitations) is a chunk of its own that a cold start does not load. But esbuild makes a chunk for
 * every `import()` in a file it reads, used or not, and puts the modules such a chunk shares with
 * the handler in a chunk loaded at start, the whole of a package's index included: hence
 * `lambdaCredentialsFromEnv`, and the material files' wiring kept out of `@ey/runtime`'s index
 * (`@ey/runtime/files`, which only the API imports). DynamoDB, SES and Secrets Manager are called
 * through the platform's own client (`@ey/aws-http`); the SDK clients left (S3, Cognito) are
 * bundled, not taken from the runtime: see the README's "Function bundles" for the measurements.
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
  bundleAwsSdk: true,
  /** Left out to compare (`pnpm bench:lambda`): what the runtime provides (the code imports no `@smithy` package). */
  awsSdkPackages: ['@aws-sdk/*'],
  plugins: [
    zodOpenApiShakable,
    zodEnglishOnly,
    zodJsonSchemaLeftOut,
    builtinsRequired,
    icalLondonZoneInlined,
    lambdaCredentialsFromEnv,
    sdkPackageVersionOnly,
    nodemailerTypesTrimmed,
    nodemailerFetchLeftOut,
  ],
} as const

/**
 * The most each bundle may weigh, minified, in bytes: what a cold start loads (the handler's module
 * and the chunks it imports statically, any AWS SDK package included) as measured with
 * `pnpm bench:lambda` plus about 5%, and never more than the goal of 300 KB (of 1,024
 * bytes), so a test fails when one grows past either. All five are under the goal; mail-feedback
 * and stats under its 150 KB stretch too (see the README's "Function bundles").
 */
export const BUNDLE_BUDGETS: Record<FunctionName, number> = {
  api: 297 * 1024,
  mail: 230 * 1024,
  'mail-feedback': 111 * 1024,
  jobs: 224 * 1024,
  stats: 151 * 1024,
}
