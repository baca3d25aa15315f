import { runInNewContext } from 'node:vm'
import { londonPart } from '@ey/presentation'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const PACKAGE = new URL('../../packages/presentation/', import.meta.url).pathname

/** Bundles the module's index as the site's bundler would, for the browser, minified. */
async function browserBundle(format: 'esm' | 'iife') {
  return build({
    entryPoints: ['src/index.ts'],
    absWorkingDir: PACKAGE,
    bundle: true,
    platform: 'browser',
    format,
    globalName: 'presentation',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  })
}

describe('the presentation module runs anywhere, and light', () => {
  it('bundles for the browser with no package but the domain: no zod, no date library, no Node', async () => {
    const { errors, metafile, outputFiles } = await browserBundle('esm')
    expect(errors).toEqual([])
    const [output] = Object.values(metafile.outputs)
    const inputs = Object.keys(output?.inputs ?? {})
    expect(inputs.filter((input) => input.includes('node_modules') || input.startsWith('node:'))).toEqual([])
    // The pages load it in nearly every bundle: the domain's schemas and use cases must shake away.
    expect(inputs.filter((input) => /domain\/src\/(schemas|use-cases)\//.test(input))).toEqual([])
    // Labels grow with the product (8,029 characters once the booking-exists email had its own).
    expect(outputFiles[0]?.text.length).toBeLessThan(9_000)
  })

  it('writes London times where there is no process, Buffer or require, as in a browser', async () => {
    const { outputFiles } = await browserBundle('iife')
    const context: { presentation?: { londonPart: typeof londonPart } } = {}
    runInNewContext(outputFiles[0]?.text ?? '', context)
    const part = { startsAt: '2026-12-01T16:00:00Z', endsAt: '2026-12-01T17:30:00Z' }
    expect(context.presentation?.londonPart(part)).toBe(londonPart(part))
  })
})
