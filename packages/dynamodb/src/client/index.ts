import {
  type Command,
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
export function paginateQuery(
  config: { client: DocumentClient },
  input: QueryCommandInput,
): AsyncGenerator<QueryCommandOutput> {
  return pages(config.client, input, (page) => new QueryCommand(page))
}

/** Every page of a scan, each read once the caller asks for it. */
export function paginateScan(
  config: { client: DocumentClient },
  input: ScanCommandInput,
): AsyncGenerator<ScanCommandOutput> {
  return pages(config.client, input, (page) => new ScanCommand(page))
}

type Key = Record<string, unknown>

async function* pages<Input extends { ExclusiveStartKey?: Key }, Output extends { LastEvaluatedKey?: Key }>(
  client: DocumentClient,
  input: Input,
  command: (input: Input) => Command<Input, Output>,
): AsyncGenerator<Output> {
  let start = input.ExclusiveStartKey
  do {
    const page = (await client.send(command({ ...input, ExclusiveStartKey: start }))) as Output
    yield page
    start = page.LastEvaluatedKey
  } while (start)
}
