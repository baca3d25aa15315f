import { randomUUID } from 'node:crypto'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import {
  AwsService,
  type AwsServiceConfig,
  AwsServiceException,
  jsonProtocolError,
  type ResponseMetadata,
} from '@ey/aws-http'
import { type Command, type Operation, outputOf, requestOf } from './commands.ts'

/** Where and as whom the client calls DynamoDB; each setting left out comes from the environment. */
export interface DocumentClientConfig extends AwsServiceConfig {
  /** Told of every call before it is sent, with the request DynamoDB gets: tests that list a function's accesses. */
  observe?: (operation: Operation, request: Record<string, unknown>) => void
}

/** A condition of a write did not hold (`Item` is the item as it was, when the call asked for it). */
export class ConditionalCheckFailedException extends AwsServiceException {
  declare readonly Item?: Record<string, AttributeValue>
  constructor(options: {
    message: string
    $metadata?: ResponseMetadata
    Item?: Record<string, AttributeValue>
  }) {
    super('ConditionalCheckFailedException', options)
  }
}

/** Why each part of a cancelled transaction failed, in order. */
export interface CancellationReason {
  Code?: string
  Message?: string
  Item?: Record<string, AttributeValue>
}

/** A transaction was cancelled: `CancellationReasons` says why, part by part. */
export class TransactionCanceledException extends AwsServiceException {
  declare readonly CancellationReasons?: CancellationReason[]
  constructor(options: {
    message: string
    $metadata?: ResponseMetadata
    CancellationReasons?: CancellationReason[]
  }) {
    super('TransactionCanceledException', options)
  }
}

const ERRORS: Record<string, new (options: { message: string }) => AwsServiceException> = {
  ConditionalCheckFailedException,
  TransactionCanceledException,
}

/**
 * DynamoDB's document client for the platform: the calls of AWS's `DynamoDBDocumentClient` that the
 * adapters make (`send(new GetCommand({...}))` and so on, with the same inputs and outputs, plain
 * values in and out, attributes left undefined dropped), sent over DynamoDB's JSON protocol by
 * `AwsService` (signed, retried as AWS's SDK does). It is a small fraction of AWS's SDK, which was
 * most of what a function loaded at a cold start (see the README's "Function bundles"). A
 * transaction with no client request token gets one of its own, as with the SDK, so that a retried
 * transaction is applied once.
 */
export class DocumentClient {
  readonly #service: AwsService
  readonly #observe: DocumentClientConfig['observe']

  constructor(config: DocumentClientConfig = {}) {
    const { observe, ...service } = config
    this.#service = new AwsService(
      { signingName: 'dynamodb', hostPrefix: 'dynamodb', envName: 'DYNAMODB' },
      service,
    )
    this.#observe = observe
  }

  /** Sends one command; rejects with an `AwsServiceException` (or a subclass) when DynamoDB refuses it. */
  send<C extends Command<object, unknown>>(
    command: C,
    options: { abortSignal?: AbortSignal } = {},
  ): Promise<C['output']> {
    const input = command.input as Record<string, unknown>
    const operation = command.operation
    const request = requestOf(
      operation,
      operation === 'TransactWriteItems' && input.ClientRequestToken === undefined
        ? { ...input, ClientRequestToken: randomUUID() }
        : input,
    )
    this.#observe?.(operation, request)
    return this.#service.post(
      {
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
        },
        body: JSON.stringify(request),
      },
      {
        answer: (answer, $metadata) =>
          ({ ...outputOf(operation, answer.body ? JSON.parse(answer.body) : {}), $metadata }) as C['output'],
        error: (answer, $metadata) => jsonProtocolError(answer, $metadata, ERRORS),
      },
      options.abortSignal,
    )
  }

  /** Closes the connections kept open between calls. */
  destroy(): void {
    this.#service.destroy()
  }
}
