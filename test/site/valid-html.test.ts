import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { builtPages } from '../../site/scripts/built-pages.ts'

// The Nu HTML Checker (the W3C's validator) from the vnu-jar package, run on the machine's Java.
const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar')

interface VnuMessage {
  type: string
  url?: string
  lastLine?: number
  firstColumn?: number
  message: string
  /** The markup around the error: the built pages are minified, so every error is on line 1. */
  extract?: string
}

describe('the built site', () => {
  it('has no HTML errors on any page, by the Nu HTML Checker', () => {
    const siteDir = inject('siteDir')
    const pages = builtPages(siteDir)
    expect(pages.length).toBeGreaterThan(0)

    const result = spawnSync(
      'java',
      ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...pages.map((page) => join(siteDir, page))],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    )
    if (result.error) throw result.error
    const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] }
    const errors = messages.map((m) => {
      const file = m.url ? relative(siteDir, new URL(m.url).pathname) : '(no file)'
      return `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.message} (at ${m.extract ?? '?'})`
    })
    expect(errors).toEqual([])
  }, 180_000)
})
