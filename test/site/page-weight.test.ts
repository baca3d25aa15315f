import { describe, expect, inject, it } from 'vitest'
import { builtPages, PAGE_JS_BUDGET_BYTES, pageWeight } from '../../site/scripts/built-pages.ts'

describe('the built site’s pages', () => {
  const siteDir = inject('siteDir')

  it.each(builtPages(siteDir))('%s loads at most 20 KB of gzipped JavaScript before it is used', (page) => {
    const { scripts, gzippedBytes } = pageWeight(siteDir, page)
    expect(gzippedBytes, `${page} loads ${scripts.join(', ')}`).toBeLessThanOrEqual(PAGE_JS_BUDGET_BYTES)
  })

  it('counts what the booking page loads: its script and the modules it imports, not the autocomplete', () => {
    const { scripts } = pageWeight(siteDir, 'book/index.html')
    expect(scripts.some((path) => /\/book\.astro_.*\.js$/.test(path))).toBe(true)
    expect(scripts.some((path) => /\/dom\.[\w-]+\.js$/.test(path))).toBe(true)
    expect(scripts.some((path) => path.includes('accessible-autocomplete'))).toBe(false)
  })
})
