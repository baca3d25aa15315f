import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { parseSessionCsv, sessionCsvTemplate } from '@ey/domain'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const DOMAIN = join(import.meta.dirname, '../../packages/domain')
const SOURCES = join(DOMAIN, 'src')

/** Bundles the domain's index as the site's bundler would, for the browser. */
async function browserBundle(format: 'esm' | 'iife') {
  return build({
    entryPoints: [join(SOURCES, 'index.ts')],
    absWorkingDir: DOMAIN,
    bundle: true,
    platform: 'browser',
    format,
    globalName: 'domain',
    write: false,
    logLevel: 'silent',
  })
}

describe('the domain runs anywhere', () => {
  it('bundles for the browser with no Node built-in', async () => {
    const result = await browserBundle('esm')
    expect(result.errors).toEqual([])
    expect(result.outputFiles[0]?.text).not.toMatch(/["']node:/)
  })

  it('loads and reads CSV where there is no process, Buffer or require, as in a browser', async () => {
    const { outputFiles } = await browserBundle('iife')
    const context: { domain?: { parseSessionCsv: typeof parseSessionCsv } } = {}
    runInNewContext(outputFiles[0]?.text ?? '', context)
    const template = sessionCsvTemplate()
    // csv-parse needs Buffer: the domain's `browser` field swaps in the build that carries its own.
    expect(JSON.stringify(context.domain?.parseSessionCsv(template))).toBe(
      JSON.stringify(parseSessionCsv(template)),
    )
  })

  it.each(['node:', 'process.', 'Buffer', 'require('])('has no source file that uses %s', (word) => {
    const users = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => readFileSync(join(SOURCES, file), 'utf8').includes(word))
    expect(users).toEqual([])
  })
})
