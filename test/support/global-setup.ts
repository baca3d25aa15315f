import { randomUUID } from 'node:crypto'
import { startDynamoDbLocal, startSesEmulator, startStaffIssuer } from '@ey/local-stack'
import { exportJWK, generateKeyPair } from 'jose'
import type { TestProject } from 'vitest/node'
import { removeSeededData, runSeededDataDir } from './seeded-data.ts'
import { SITE_URL } from './wiring.ts'

/**
 * Starts DynamoDB Local, the SES emulator and the local staff issuer once per run, hands out their
 * endpoints (and the issuer's signing key, so test files can mint tokens of every kind), and stops
 * them all after. Names the folder the demo programme is seeded into once, by the first test file
 * (or the site's global setup) that asks (`seededData`), and removes it after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: `test-${randomUUID()}`,
    alg: 'RS256',
    use: 'sig',
  }
  const [dynamo, ses, issuer] = await Promise.allSettled([
    startDynamoDbLocal({}),
    startSesEmulator({}),
    // The test API's site, whose staff home is a redirect URI the issuer accepts.
    startStaffIssuer({ signingKey, siteUrl: SITE_URL }),
  ])
  const seededDataDir = runSeededDataDir()
  const stopAll = async () => {
    removeSeededData(seededDataDir)
    await Promise.all(
      [dynamo, ses, issuer].map((started) =>
        started.status === 'fulfilled' ? started.value.stop() : undefined,
      ),
    )
  }
  const failed = [dynamo, ses, issuer].find((started) => started.status === 'rejected')
  if (
    failed ||
    dynamo.status !== 'fulfilled' ||
    ses.status !== 'fulfilled' ||
    issuer.status !== 'fulfilled'
  ) {
    await stopAll()
    throw (failed as PromiseRejectedResult | undefined)?.reason
  }
  project.provide('dynamoEndpoint', dynamo.value.endpoint)
  project.provide('sesEndpoint', ses.value.endpoint)
  project.provide('seededDataDir', seededDataDir)
  const { url, audience, jwksUrl } = issuer.value
  project.provide('staffIssuer', { issuer: url, audience, jwksUrl, signingKey })
  return stopAll
}
