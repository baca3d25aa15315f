import { createDynamoBookingRepository } from '@ey/dynamodb'
import { describeBookingRepositoryContract } from '../support/booking-contract.ts'
import { createTestTable, storeSessions } from '../support/dynamo.ts'

// The same contract and model-based runs as the in-memory fake, against the real engine: fewer
// runs (each step is a few round trips to DynamoDB Local), with scheduled races. How long a run takes
// depends on its length and the machine's load: new runs stop being started after 75 s.
const table = createTestTable()

describeBookingRepositoryContract(
  'the DynamoDB booking repository',
  async () => {
    const { doc, tableName } = await table
    return {
      repo: createDynamoBookingRepository({ doc, tableName }),
      putSession: (session) => storeSessions({ doc, tableName }, session),
    }
  },
  { numRuns: 15, scheduleRaces: true, runTimeLimitMs: 75_000 },
)
