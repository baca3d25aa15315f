import { startDynamoDbLocal, startSesEmulator } from '@ey/local-stack'
import type { TestProject } from 'vitest/node'

/** Starts DynamoDB Local and the SES emulator once per run, hands out their endpoints, and stops both after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamo, ses] = await Promise.allSettled([startDynamoDbLocal({}), startSesEmulator({})])
  const stopAll = async () => {
    await Promise.all(
      [dynamo, ses].map((started) => (started.status === 'fulfilled' ? started.value.stop() : undefined)),
    )
  }
  if (dynamo.status === 'rejected' || ses.status === 'rejected') {
    await stopAll()
    throw dynamo.status === 'rejected' ? dynamo.reason : (ses as PromiseRejectedResult).reason
  }
  project.provide('dynamoEndpoint', dynamo.value.endpoint)
  project.provide('sesEndpoint', ses.value.endpoint)
  return stopAll
}
