// Types only (erased from every bundle): each command's input and output exactly as AWS's own
// document client (`@aws-sdk/lib-dynamodb`) defines them.
import type * as sdk from '@aws-sdk/lib-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { AwsCommand } from '@ey/aws-http'

/** The DynamoDB operations the document client sends (the names of DynamoDB's API and of IAM). */
export type Operation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactWriteItems'

/** One call of the document client: plain JavaScript values in, plain values out. */
export abstract class Command<Input extends object, Output> extends AwsCommand<Input, Output> {
  abstract readonly operation: Operation
}

// The commands the adapters send, one per operation, named as AWS's document client names them.
export class GetCommand extends Command<sdk.GetCommandInput, sdk.GetCommandOutput> {
  readonly operation = 'GetItem'
}
export class PutCommand extends Command<sdk.PutCommandInput, sdk.PutCommandOutput> {
  readonly operation = 'PutItem'
}
export class UpdateCommand extends Command<sdk.UpdateCommandInput, sdk.UpdateCommandOutput> {
  readonly operation = 'UpdateItem'
}
export class DeleteCommand extends Command<sdk.DeleteCommandInput, sdk.DeleteCommandOutput> {
  readonly operation = 'DeleteItem'
}
export class QueryCommand extends Command<sdk.QueryCommandInput, sdk.QueryCommandOutput> {
  readonly operation = 'Query'
}
export class ScanCommand extends Command<sdk.ScanCommandInput, sdk.ScanCommandOutput> {
  readonly operation = 'Scan'
}
export class BatchGetCommand extends Command<sdk.BatchGetCommandInput, sdk.BatchGetCommandOutput> {
  readonly operation = 'BatchGetItem'
}
export class BatchWriteCommand extends Command<sdk.BatchWriteCommandInput, sdk.BatchWriteCommandOutput> {
  readonly operation = 'BatchWriteItem'
}
export class TransactWriteCommand extends Command<
  sdk.TransactWriteCommandInput,
  sdk.TransactWriteCommandOutput
> {
  readonly operation = 'TransactWriteItems'
}

export type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb'

type Json = Record<string, unknown>
type Attributes = Parameters<typeof unmarshall>[0]

const mapValues = <T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]))

type Bytes = (bytes: unknown) => unknown

/** An attribute value with each binary value (`B`, `BS`) in it, however deep, converted by `bytes`. */
function binaries(attribute: Json, bytes: Bytes): Json {
  if ('B' in attribute) return { B: bytes(attribute.B) }
  if ('BS' in attribute) return { BS: (attribute.BS as unknown[]).map(bytes) }
  if ('L' in attribute) return { L: (attribute.L as Json[]).map((entry) => binaries(entry, bytes)) }
  if ('M' in attribute) return { M: binaryMap(attribute.M as Record<string, Json>, bytes) }
  return attribute
}

const binaryMap = (map: Record<string, Json>, bytes: Bytes): Json =>
  mapValues(map, (entry) => binaries(entry, bytes))

/** Binary values travel as base64 in DynamoDB's JSON, and are `Uint8Array`s in JavaScript, as with AWS's SDK. */
const toBase64: Bytes = (bytes) => Buffer.from(bytes as Uint8Array).toString('base64')
const fromBase64: Bytes = (text) => new Uint8Array(Buffer.from(text as string, 'base64'))

/** As the platform has always configured AWS's document client: attributes left undefined are dropped. */
const toAttributes = (item: unknown): Json =>
  binaryMap(
    marshall(item as Json, { removeUndefinedValues: true }) as unknown as Record<string, Json>,
    toBase64,
  )
const toItem = (attributes: unknown): Json =>
  unmarshall(binaryMap(attributes as Record<string, Json>, fromBase64) as Attributes)

/** The parts of a request or an answer that carry items, as DynamoDB's typed attribute values. */
const ITEM_PARTS = [
  'Key',
  'Item',
  'ExclusiveStartKey',
  'ExpressionAttributeValues',
  'Attributes',
  'LastEvaluatedKey',
]

function convertParts(part: Json, convert: (value: unknown) => Json): Json {
  const out: Json = { ...part }
  for (const name of ITEM_PARTS) if (part[name] !== undefined) out[name] = convert(part[name])
  if (Array.isArray(part.Items)) out.Items = part.Items.map(convert)
  return out
}

type Requests = Record<string, Json[]>

/** The request DynamoDB is sent for a command: every item and key as typed attribute values. */
export function requestOf(operation: Operation, input: Json): Json {
  const items = (part: Json) => convertParts(part, toAttributes)
  switch (operation) {
    case 'BatchGetItem':
      return {
        ...input,
        RequestItems: mapValues(input.RequestItems as Record<string, Json>, (request) => ({
          ...request,
          Keys: (request.Keys as Json[]).map(toAttributes),
        })),
      }
    case 'BatchWriteItem':
      return {
        ...input,
        RequestItems: mapValues(input.RequestItems as Requests, (writes) => writes.map(writeOf(items))),
      }
    case 'TransactWriteItems':
      return {
        ...input,
        TransactItems: (input.TransactItems as Json[]).map((part) =>
          mapValues(part, (p) => items(p as Json)),
        ),
      }
    default:
      return items(input)
  }
}

/** The answer a command gives for DynamoDB's: every item and key as plain values. */
export function outputOf(operation: Operation, answer: Json): Json {
  const items = (part: Json) => convertParts(part, toItem)
  switch (operation) {
    case 'BatchGetItem':
      return {
        ...answer,
        ...(answer.Responses
          ? { Responses: mapValues(answer.Responses as Requests, (list) => list.map(toItem)) }
          : {}),
        ...(answer.UnprocessedKeys
          ? {
              UnprocessedKeys: mapValues(answer.UnprocessedKeys as Record<string, Json>, (request) => ({
                ...request,
                Keys: (request.Keys as Json[]).map(toItem),
              })),
            }
          : {}),
      }
    case 'BatchWriteItem':
      return answer.UnprocessedItems
        ? {
            ...answer,
            UnprocessedItems: mapValues(answer.UnprocessedItems as Requests, (writes) =>
              writes.map(writeOf(items)),
            ),
          }
        : answer
    default:
      return items(answer)
  }
}

const writeOf =
  (items: (part: Json) => Json) =>
  (write: Json): Json => ({
    ...(write.PutRequest ? { PutRequest: items(write.PutRequest as Json) } : {}),
    ...(write.DeleteRequest ? { DeleteRequest: items(write.DeleteRequest as Json) } : {}),
  })
