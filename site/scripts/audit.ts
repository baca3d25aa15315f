// `pnpm audit:site`: Lighthouse (mobile, simulated throttling) on the find, session and booking
// pages of the built site, served by the whole local stack with the demo data, in Debian's Chromium.
// Prints the four category scores and the bytes transferred per page, JavaScript apart, and first,
// for every page of the build, the gzipped JavaScript it loads before it is used (the figure
// test/site/page-weight.test.ts holds to its budget).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { SessionView } from '@ey/contract'
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumEnv, startLocalStack } from '@ey/local-stack'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { builtPages, PAGE_JS_BUDGET_BYTES, pageWeight } from './built-pages.ts'

const SITE = resolve(import.meta.dirname, '..')
const DIST = resolve(SITE, 'dist')
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

interface NetworkRequest {
  url: string
  resourceType?: string
  transferSize?: number
  resourceSize?: number
}

function build(): void {
  const astro = resolve(SITE, 'node_modules/astro/bin/astro.mjs')
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: SITE,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  })
  if (result.status !== 0 || !existsSync(DIST)) throw new Error('astro build failed')
}

/** The size of a response once gzipped, as CloudFront serves it in AWS (the local server does not compress). */
async function gzippedSize(url: string): Promise<number> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer())
  return gzipSync(body, { level: 9 }).length
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function main(): Promise<number> {
  process.env.DDB_LOCAL_TELEMETRY ??= '0'
  console.log('Building the site…')
  build()
  const weights = builtPages(DIST).map((page) => pageWeight(DIST, page))
  console.table(weights.map(({ page, gzippedBytes }) => ({ page, 'JS loaded (gzipped)': kb(gzippedBytes) })))
  let failures = weights.filter(({ gzippedBytes }) => gzippedBytes > PAGE_JS_BUDGET_BYTES).length
  const stack = await startLocalStack({ seed: true, siteDir: DIST, mail: false })
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS],
    envVars: chromiumEnv(),
  })
  try {
    const listing = await (await fetch(`${stack.webUrl}/api/sessions?available=true&limit=1`)).json()
    const session = (listing.items as SessionView[])[0]
    if (!session) throw new Error('the demo data has no session with places')
    const pages = [
      ['find', '/'],
      ['session', `/session/?id=${session.id}`],
      ['booking', `/book/?id=${session.id}`],
    ] as const
    const rows: Record<string, string | number>[] = []
    for (const [name, path] of pages) {
      const url = `${stack.webUrl}${path}`
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      })
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`)
      const { lhr } = result
      const requests = ((lhr.audits['network-requests']?.details as { items?: NetworkRequest[] })?.items ??
        []) as NetworkRequest[]
      const scripts = requests.filter((r) => r.resourceType === 'Script')
      const jsTransferred = scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0)
      const jsGzipped = (await Promise.all(scripts.map((r) => gzippedSize(r.url)))).reduce((a, b) => a + b, 0)
      const total = requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0)
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      )
      rows.push({
        page: name,
        ...scores,
        'JS transferred': kb(jsTransferred),
        'JS gzipped': kb(jsGzipped),
        'total transferred': kb(total),
      })
      const missed = CATEGORIES.filter((c) => (scores[c] ?? 0) < (c === 'performance' ? 95 : 100))
      if (missed.length > 0 || jsGzipped > PAGE_JS_BUDGET_BYTES) failures++
      for (const c of missed) {
        const category = lhr.categories[c]
        const lost = (category?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id])
          .filter(
            (audit) =>
              audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative',
          )
          .map((audit) => `${audit?.id} (${audit?.score})`)
        console.log(`  ${name}: ${c} lost points on ${lost.join(', ') || 'metrics'}`)
      }
    }
    console.table(rows)
    console.log(
      `Goals: accessibility, best practices and SEO 100; performance ≥ 95; at most ${kb(PAGE_JS_BUDGET_BYTES)} of compressed JavaScript per page.`,
    )
    console.log(failures === 0 ? 'Every page meets the goals.' : `${failures} page(s) miss a goal.`)
    return failures === 0 ? 0 : 1
  } finally {
    chrome.kill()
    await stack.stop()
  }
}

process.exitCode = await main()
