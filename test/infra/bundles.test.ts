import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUNDLE_BUDGETS, FUNCTION_ENTRIES, type FunctionName } from '@ey/infra'
import { type Bundle, bundleFunction } from '@ey/infra/bundle'
import { afterAll, describe, expect, it } from 'vitest'

const out = mkdtempSync(join(tmpdir(), 'ey-bundles-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

// Each function bundled once, for every test that looks at it.
const bundles = new Map<FunctionName, Promise<Bundle>>()
const bundleOf = (name: FunctionName) => {
  const bundle = bundles.get(name) ?? bundleFunction(FUNCTION_ENTRIES[name], join(out, name))
  bundles.set(name, bundle)
  return bundle
}

describe('the function bundles', () => {
  it.each(Object.keys(FUNCTION_ENTRIES) as FunctionName[])(
    '%s stays within its budget (what a cold start loads), bundled as the CDK app bundles it',
    async (name) => {
      const { bytes } = await bundleOf(name)
      expect(bytes).toBeGreaterThan(10_000)
      expect(bytes, `${name} is ${bytes} bytes; its budget is ${BUNDLE_BUDGETS[name]}`).toBeLessThanOrEqual(
        BUNDLE_BUDGETS[name],
      )
    },
    60_000,
  )

  it('leave out of the API’s cold start what only some routes use: S3 (materials), Cognito (invitations), the calendar file and the certificate PDF', async () => {
    const { startInputs } = await bundleOf('api')
    const routeOnly =
      /node_modules\/(@aws-sdk\/(client-s3|s3-request-presigner|client-cognito-identity-provider)|ical-generator|@touch4it\/ical-timezones|pdf-lib)\//
    expect(startInputs.filter((input) => routeOnly.test(input))).toEqual([])
    // What it does load: the table's client, so the test would see the SDK at all.
    expect(startInputs.some((input) => input.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true)
  }, 60_000)
})
