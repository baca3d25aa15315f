import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Clock } from '@ey/domain'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  chromiumEnv,
  type LocalStack,
  readSentEmails,
  type SentEmail,
  startLocalStack,
} from '@ey/local-stack'
import { chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { copySeededData, seededData } from '../support/seeded-data.ts'

/** The built site on the whole local stack (seeded with the demo programme), with Chromium. */
export interface SiteUnderTest {
  stack: LocalStack
  /** A fresh page at 320 px wide (the narrowest phone) unless told otherwise. */
  newPage(options?: { width?: number }): Promise<Page>
  /** The emails the SES emulator holds for one address, waiting until `count` have arrived. */
  emailsTo(address: string, count?: number): Promise<SentEmail[]>
}

interface RunningSite extends SiteUnderTest {
  /** Console errors (a refused script or style, an exception) since the last call; 4xx answers excepted. */
  takeConsoleErrors(): string[]
  stop(): Promise<void>
}

async function startSite(clock?: Clock): Promise<RunningSite> {
  // A copy of the demo programme seeded once for the run (by `site-build.ts` before any test file
  // starts): the seed finds it done.
  const { dataDir, remove: removeData } = copySeededData(await seededData(inject('seededDataDir')))
  const stack = await startLocalStack({
    seed: true,
    dataDir,
    siteDir: inject('siteDir'),
    ...(clock ? { clock } : {}),
  }).catch((error: unknown) => {
    removeData()
    throw error
  })
  // The stats poller goes on from the snapshot's place in the stream, after the seed's records, so
  // this resolves at its first read; were the place lost, it would wait for the replay of the seed
  // (tens of seconds) rather than let a test share the machine with it.
  await stack.drainTakeUp(120_000).catch(async (error: unknown) => {
    await stack.stop()
    removeData()
    throw error
  })
  const browser = await chromium
    .launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], env: chromiumEnv() })
    .catch(async (error: unknown) => {
      await stack.stop()
      removeData()
      throw error
    })
  const errors: string[] = []
  return {
    stack,
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
        // Generous: on a loaded machine the stream takes its time; what is checked is what arrives.
        await stack.drainMail(30_000)
        const all = await readSentEmails(stack.sesEndpoint ?? '')
        const mine = all.filter((email) => email.destination.to.some((to) => to.includes(address)))
        if (mine.length >= count || Date.now() > deadline) return mine
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    async stop() {
      await browser.close()
      await stack.stop()
      removeData()
    },
  }
}

/**
 * The site for one test file: started before its tests, stopped after them, and each test fails
 * if the browser logged an error (a refused script or style, an exception) other than `expected`.
 * With `clock`, the whole stack reads that clock (a test moves it to live through a session).
 */
export function useSite({ expected, clock }: { expected?: RegExp; clock?: Clock } = {}): SiteUnderTest {
  let started: RunningSite | undefined
  beforeAll(async () => {
    started = await startSite(clock)
  }, 180_000)
  afterAll(async () => {
    await started?.stop()
  })
  afterEach(() => {
    const errors = site()
      .takeConsoleErrors()
      .filter((text) => !expected?.test(text))
    expect(errors, 'console errors (a refused script or style, an exception)').toEqual([])
  })
  const site = () => {
    if (!started) throw new Error('The site is not running: call useSite() at the top of the test file.')
    return started
  }
  return {
    get stack() {
      return site().stack
    },
    newPage: (options) => site().newPage(options),
    emailsTo: (address, count) => site().emailsTo(address, count),
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

/** A clock that runs at the real pace from now until the test moves it on. */
export interface TravellingClock extends Clock {
  /** Moves the clock forward by this many milliseconds; it runs on from there. */
  travel(ms: number): void
}

/** A running clock a test can move forward, to live through a session's days in seconds. */
export function travellingClock(): TravellingClock {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    travel: (ms) => {
      offset += ms
    },
  }
}
