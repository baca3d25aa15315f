import { randomUUID } from 'node:crypto'
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { type Command, type Operation, outputOf, requestOf } from './commands.ts'
import { type AwsCredentials, signRequest } from './sign.ts'

/** Where and as whom the client calls DynamoDB; each setting left out comes from the environment. */
export interface DocumentClientConfig {
  /** DynamoDB Local's address, say; else `AWS_ENDPOINT_URL_DYNAMODB`, then the Region's own endpoint. */
  endpoint?: string
  /** Else `AWS_REGION` (which Lambda sets). */
  region?: string
  /** Else `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (which Lambda sets for the function's role). */
  credentials?: AwsCredentials
  /** Attempts of one call, the first included, when DynamoDB throttles or fails (3, as AWS's SDK). */
  maxAttempts?: number
  /** Told of every call before it is sent, with the request DynamoDB gets: tests that list a function's accesses. */
  observe?: (operation: Operation, request: Record<string, unknown>) => void
}

/** What every answer says of how it came: as AWS's SDK reports it. */
export interface ResponseMetadata {
  httpStatusCode?: number
  requestId?: string
  attempts?: number
  totalRetryDelay?: number
}

/**
 * An error DynamoDB answered with, named as DynamoDB names it (`ConditionalCheckFailedException`,
 * `ThrottlingException`…) and carrying the answer's other fields (`CancellationReasons`, `Item`).
 */
export class DynamoDBServiceException extends Error {
  readonly $fault: 'client' | 'server'
  readonly $metadata: ResponseMetadata;
  [field: string]: unknown

  constructor(
    name: string,
    options: { message: string; $fault?: 'client' | 'server'; $metadata?: ResponseMetadata } & Record<
      string,
      unknown
    >,
  ) {
    const { message, $fault, $metadata, ...fields } = options
    super(message)
    Object.assign(this, fields)
    this.name = name
    this.$fault = $fault ?? 'client'
    this.$metadata = $metadata ?? {}
  }
}

/** A condition of a write did not hold (`Item` is the item as it was, when the call asked for it). */
export class ConditionalCheckFailedException extends DynamoDBServiceException {
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
export class TransactionCanceledException extends DynamoDBServiceException {
  declare readonly CancellationReasons?: CancellationReason[]
  constructor(options: {
    message: string
    $metadata?: ResponseMetadata
    CancellationReasons?: CancellationReason[]
  }) {
    super('TransactionCanceledException', options)
  }
}

const ERRORS: Record<string, new (options: { message: string }) => DynamoDBServiceException> = {
  ConditionalCheckFailedException,
  TransactionCanceledException,
}

/** Errors AWS's SDK tries again (its standard retry mode): throttling, and what a moment may cure. */
const RETRYABLE = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'TransactionInProgressException',
  'LimitExceededException',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
  'ServiceUnavailable',
])
const NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED'])
const BASE_DELAY_MS = 100
const MAX_DELAY_MS = 20_000

function retryable(error: unknown): boolean {
  if (error instanceof DynamoDBServiceException) {
    return RETRYABLE.has(error.name) || (error.$metadata.httpStatusCode ?? 0) >= 500
  }
  return NETWORK_ERRORS.has(String((error as NodeJS.ErrnoException | undefined)?.code))
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/**
 * DynamoDB's document client for the platform: the calls of AWS's `DynamoDBDocumentClient` that the
 * adapters make (`send(new GetCommand({...}))` and so on, with the same inputs and outputs, plain
 * values in and out, attributes left undefined dropped), sent over DynamoDB's JSON protocol and
 * signed with Signature Version 4. It is a small fraction of AWS's SDK, which is most of what a
 * function loads at a cold start (see the README's "Function bundles"). Like the SDK's standard
 * retry mode it tries a call up to 3 times when DynamoDB throttles, fails on its side or the
 * connection breaks, after a jittered exponential wait, and gives a transaction with no client
 * request token one of its own so that a retried transaction is applied once.
 */
export class DocumentClient {
  readonly #config: DocumentClientConfig
  readonly #agent: HttpAgent

  constructor(config: DocumentClientConfig = {}) {
    this.#config = config
    const secure = !(config.endpoint ?? '').startsWith('http:')
    this.#agent = secure
      ? new HttpsAgent({ keepAlive: true, maxSockets: 50 })
      : new HttpAgent({ keepAlive: true })
  }

  /** Sends one command; rejects with a `DynamoDBServiceException` (or a subclass) when DynamoDB refuses it. */
  async send<C extends Command<object, unknown>>(
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
    this.#config.observe?.(operation, request)
    const body = JSON.stringify(request)
    const maxAttempts = this.#config.maxAttempts ?? 3
    let totalRetryDelay = 0
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.#post(operation, body, options.abortSignal)
        const metadata = {
          httpStatusCode: answer.status,
          requestId: String(answer.headers['x-amzn-requestid'] ?? ''),
          attempts: attempt,
          totalRetryDelay,
        }
        if (answer.status >= 300) throw errorOf(answer, metadata)
        const parsed = answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {}
        return { ...outputOf(operation, parsed), $metadata: metadata } as C['output']
      } catch (error) {
        if (attempt >= maxAttempts || !retryable(error) || options.abortSignal?.aborted) throw error
        const delay = Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt)
        totalRetryDelay += delay
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  /** Closes the connections kept open between calls. */
  destroy(): void {
    this.#agent.destroy()
  }

  #post(operation: Operation, body: string, signal: AbortSignal | undefined): Promise<Answer> {
    const region = this.#config.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION
    if (!region) return Promise.reject(new Error('No AWS Region for DynamoDB: set AWS_REGION'))
    const credentials = this.#config.credentials ?? credentialsFromEnv()
    if (!credentials) {
      return Promise.reject(
        new Error('No AWS credentials for DynamoDB: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY'),
      )
    }
    const url = new URL(
      this.#config.endpoint ??
        process.env.AWS_ENDPOINT_URL_DYNAMODB ??
        process.env.AWS_ENDPOINT_URL ??
        `https://dynamodb.${region}.amazonaws.com`,
    )
    const path = url.pathname || '/'
    const headers = signRequest(
      {
        method: 'POST',
        host: url.host,
        path,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
        },
        body,
      },
      credentials,
      { region, service: 'dynamodb' },
      new Date(),
    )
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest
    return new Promise((resolve, reject) => {
      const req = send(
        {
          method: 'POST',
          hostname: url.hostname,
          port: url.port || undefined,
          path,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          agent: this.#agent,
          ...(signal ? { signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  }
}

function credentialsFromEnv(): AwsCredentials | undefined {
  const {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_SESSION_TOKEN,
  } = process.env
  if (!accessKeyId || !secretAccessKey) return undefined
  return { accessKeyId, secretAccessKey, ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}) }
}

/** DynamoDB's error answer as an exception: `{"__type": "com.amazonaws.dynamodb.v20120810#Name", "message": …}`. */
function errorOf(answer: Answer, metadata: ResponseMetadata): DynamoDBServiceException {
  let fields: Record<string, unknown> = {}
  try {
    fields = JSON.parse(answer.body) as Record<string, unknown>
  } catch {
    // Not JSON (a proxy's page, say): the status and the error-type header tell what there is.
  }
  const type = String(fields.__type ?? answer.headers['x-amzn-errortype'] ?? `HTTP${answer.status}Error`)
  const name = type.slice(type.lastIndexOf('#') + 1).split(':')[0] as string
  const { __type: _type, message, Message, ...rest } = fields
  const options = {
    ...rest,
    message: String(message ?? Message ?? `DynamoDB answered ${answer.status}`),
    $fault: answer.status >= 500 ? ('server' as const) : ('client' as const),
    $metadata: metadata,
  }
  const Known = ERRORS[name]
  return Known ? new Known(options) : new DynamoDBServiceException(name, options)
}
