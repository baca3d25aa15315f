import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  chromiumEnv,
  type LocalStack,
  readSentEmails,
  type SentEmail,
  startLocalStack,
} from '@ey/local-stack'
import { type Browser, chromium, type Page } from 'playwright-core'

const ROOT = resolve(import.meta.dirname, '../..')
const SITE = join(ROOT, 'site')

/** Every file the built site depends on, so a change to any of them rebuilds it. */
function sourceFingerprint(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else hash.update(`${path}\0${statSync(path).size}\0${readFileSync(path, 'utf8')}\0`)
    }
  }
  for (const dir of ['site/src', 'site/public', 'packages/domain/src', 'packages/reference-data/src']) {
    walk(join(ROOT, dir))
  }
  for (const file of ['site/astro.config.ts', 'site/package.json'])
    hash.update(readFileSync(join(ROOT, file)))
  return hash.digest('hex').slice(0, 16)
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build failed:\n${output}`))))
  })
}

/**
 * Builds the site from its current sources into a folder named by their fingerprint, once:
 * test files running side by side share the build (a lock folder keeps them from building twice).
 */
export async function buildSite(): Promise<string> {
  const outDir = join(tmpdir(), `ey-site-${sourceFingerprint()}`)
  const done = join(outDir, '.complete')
  const lock = `${outDir}.lock`
  for (;;) {
    if (existsSync(done)) return outDir
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another test file is building the same sources: wait for it, unless its lock is stale.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - since > 120_000) rmSync(lock, { recursive: true, force: true })
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  try {
    if (existsSync(done)) return outDir
    const astro = join(SITE, 'node_modules/astro/bin/astro.mjs')
    await run(process.execPath, [astro, 'build', '--outDir', outDir], SITE)
    writeFileSync(done, new Date().toISOString())
    return outDir
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface SiteUnderTest {
  stack: LocalStack
  browser: Browser
  /** A fresh page at 320 px wide (the narrowest phone) unless told otherwise. */
  newPage(options?: { width?: number }): Promise<Page>
  /** Console errors (a refused script or style, an exception) since the last call; 4xx answers excepted. */
  takeConsoleErrors(): string[]
  /** The emails the SES emulator holds for one address, waiting until `count` have arrived. */
  emailsTo(address: string, count?: number): Promise<SentEmail[]>
  stop(): Promise<void>
}

/** The built site on the whole local stack (seeded with the demo programme), with Chromium. */
export async function startSite(): Promise<SiteUnderTest> {
  const siteDir = await buildSite()
  const stack = await startLocalStack({ seed: true, siteDir })
  const browser = await chromium
    .launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], env: chromiumEnv() })
    .catch(async (error: unknown) => {
      await stack.stop()
      throw error
    })
  const errors: string[] = []
  return {
    stack,
    browser,
    async newPage({ width = 320 } = {}) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        baseURL: stack.webUrl,
        acceptDownloads: true,
      })
      context.setDefaultTimeout(10_000)
      const page = await context.newPage()
      page.on('console', (message) => {
        // The browser logs every 4xx answer (the not-found page, the API refusing a bad form): those
        // are expected; anything else (a refused script or style, an exception) is a bug.
        const expected = /Failed to load resource: the server responded with a status of 4\d\d/
        if (message.type() === 'error' && !expected.test(message.text())) errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      return page
    },
    takeConsoleErrors: () => errors.splice(0),
    async emailsTo(address, count = 1) {
      const deadline = Date.now() + 10_000
      for (;;) {
        await stack.drainMail()
        const all = await readSentEmails(stack.sesEndpoint ?? '')
        const mine = all.filter((email) => email.destination.to.some((to) => to.includes(address)))
        if (mine.length >= count || Date.now() > deadline) return mine
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    async stop() {
      await browser.close()
      await stack.stop()
    },
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core (WCAG 2.2 A and AA, and best practice) on the page as it stands; answers the violations. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol, so the site's Content-Security-Policy stays untouched.
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}

/** A unique address per test, so tests never read each other's mail. */
export function uniqueEmail(label: string): string {
  return `${label}.${crypto.randomUUID().slice(0, 8)}@example.test`
}
