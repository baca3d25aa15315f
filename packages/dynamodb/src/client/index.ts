import {
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandInput,
  type ScanCommandOutput,
} from './commands.ts'
import type { DocumentClient } from './document-client.ts'

export { type AwsServiceConfig, AwsServiceException } from '@ey/aws-http'
export * from './commands.ts'
export * from './document-client.ts'

/** Every page of a query, each read once the caller asks for it (from `ExclusiveStartKey`, if given). */
export async function* paginateQuery(
  config: { client: DocumentClient },
  input: QueryCommandInput,
): AsyncGenerator<QueryCommandOutput> {
  let start = input.ExclusiveStartKey
  do {
    const page = await config.client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }))
    yield page
    start = page.LastEvaluatedKey
  } while (start)
}

/** Every page of a scan, each read once the caller asks for it. */
export async function* paginateScan(
  config: { client: DocumentClient },
  input: ScanCommandInput,
): AsyncGenerator<ScanCommandOutput> {
  let start = input.ExclusiveStartKey
  do {
    const page = await config.client.send(new ScanCommand({ ...input, ExclusiveStartKey: start }))
    yield page
    start = page.LastEvaluatedKey
  } while (start)
}
