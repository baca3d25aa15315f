import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { removeSeededData, runSeededDataDir, seededData } from './seeded-data.ts'

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

/**
 * Builds the site from its current sources once per run of the site's tests, hands its folder to
 * every test file (`inject('siteDir')`): the browser journeys serve it, the HTML and page-weight
 * checks read it. Seeds the run's demo programme (`seededData`) beside it, so each browser test
 * file's stack starts at once from a copy. Removes both after.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'ey-site-'))
  const seededDataDir = runSeededDataDir()
  const remove = () => {
    rmSync(outDir, { recursive: true, force: true })
    removeSeededData(seededDataDir)
  }
  try {
    await Promise.all([buildSite(outDir), seededData(seededDataDir)])
  } catch (error) {
    remove()
    throw error
  }
  project.provide('siteDir', outDir)
  project.provide('seededDataDir', seededDataDir)
  return remove
}
