import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startLocalStack } from '@ey/local-stack'
import type { TestProject } from 'vitest/node'

const SITE = resolve(import.meta.dirname, '../../site')

/** Runs `astro build` into `outDir`, failing with the build's output. */
function buildSite(outDir: string): Promise<void> {
  const astro = join(SITE, 'node_modules/astro/bin/astro.mjs')
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: SITE,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build failed:\n${output}`))))
  })
}

/** Where the run keeps its scratch data: memory-backed where the machine has it, as DynamoDB Local writes a lot. */
export const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

/**
 * A local stack's data folder with the demo programme seeded into it: each test file's stack
 * starts from a copy (seconds) instead of seeding its own (the seed books hundreds of people).
 */
async function seedOnce(dataDir: string): Promise<void> {
  const stack = await startLocalStack({ dataDir, seed: true, jobs: false })
  // The snapshot holds the take-up aggregates of every seeded booking, and both stream pollers'
  // places after the seed's records (saved at stop), so no test file's stack reads them again.
  await Promise.all([stack.drainTakeUp(600_000), stack.drainMail(600_000)])
  await stack.stop()
}

/**
 * Builds the site from its current sources once per run of the site's tests, hands its folder to
 * every test file (`inject('siteDir')`): the browser journeys serve it, the HTML and page-weight
 * checks read it. Seeds the demo programme once beside it (`inject('seededDataDir')`). Removes
 * both after.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'ey-site-'))
  const dataDir = mkdtempSync(join(SCRATCH, 'ey-seeded-'))
  const remove = () => {
    rmSync(outDir, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await Promise.all([buildSite(outDir), seedOnce(dataDir)])
  } catch (error) {
    remove()
    throw error
  }
  project.provide('siteDir', outDir)
  project.provide('seededDataDir', dataDir)
  return remove
}
