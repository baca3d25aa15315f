import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLE_BUDGETS, FUNCTION_ENTRIES, type FunctionName } from '@ey/infra'
import { bundleFunction } from '@ey/infra/bundle'
import { afterAll, describe, expect, it } from 'vitest'

const out = mkdtempSync(join(tmpdir(), 'ey-bundles-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('the function bundles', () => {
  it.each(Object.keys(FUNCTION_ENTRIES) as FunctionName[])(
    '%s stays within its budget (what a cold start loads), bundled as the CDK app bundles it',
    async (name) => {
      const { bytes } = await bundleFunction(FUNCTION_ENTRIES[name], join(out, name))
      expect(bytes).toBeGreaterThan(10_000)
      expect(bytes, `${name} is ${bytes} bytes; its budget is ${BUNDLE_BUDGETS[name]}`).toBeLessThanOrEqual(
        BUNDLE_BUDGETS[name],
      )
    },
    60_000,
  )
})
