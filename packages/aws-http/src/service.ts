import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { type AwsCredentials, signRequest } from './sign.ts'

/** Where and as whom a client calls an AWS service; each setting left out comes from the environment. */
export interface AwsServiceConfig {
  /** An emulator's address, say; else `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, then the Region's own endpoint. */
  endpoint?: string
  /** Else `AWS_REGION` (which Lambda sets). */
  region?: string
  /** Else `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (which Lambda sets for the function's role). */
  credentials?: AwsCredentials
  /** Attempts of one call, the first included, when the service throttles or fails (3, as AWS's SDK). */
  maxAttempts?: number
}

/** How a service is reached: its signing name, its endpoint's host prefix and its environment variable's suffix. */
export interface AwsServiceId {
  /** The name in the signature's scope: `dynamodb`, `ses`, `secretsmanager`. */
  signingName: string
  /** `dynamodb`, `email`, `secretsmanager`: `https://<prefix>.<region>.amazonaws.com`. */
  hostPrefix: string
  /** `DYNAMODB`, `SES`, `SECRETS_MANAGER`: as AWS's SDKs read `AWS_ENDPOINT_URL_<SERVICE>`. */
  envName: string
}

/** What every answer says of how it came, as AWS's SDK reports it. */
export interface ResponseMetadata {
  httpStatusCode?: number
  requestId?: string
  attempts?: number
  totalRetryDelay?: number
}

/**
 * An error an AWS service answered with, named as the service names it (`ThrottlingException`,
 * `MessageRejected`…) and carrying the answer's other fields.
 */
export class AwsServiceException extends Error {
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

/** A service's answer as it came. */
export interface AwsAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** Throttling, as AWS's SDK names it (its standard retry mode waits longer after these). */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
])
/** Failures a moment may cure, as AWS's SDK names them. */
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException'])
const NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED'])
/** The SDK's bases (`@smithy/core`'s retry settings, this version): 50 ms, 1 s after throttling; 20 s at most. */
const BASE_DELAY_MS = 50
const THROTTLING_BASE_DELAY_MS = 1_000
const MAX_DELAY_MS = 20_000

const throttled = (error: unknown): boolean =>
  error instanceof AwsServiceException &&
  (THROTTLING.has(error.name) || error.$metadata.httpStatusCode === 429)

function retryable(error: unknown): boolean {
  if (error instanceof AwsServiceException) {
    const status = error.$metadata.httpStatusCode ?? 0
    return throttled(error) || TRANSIENT.has(error.name) || [500, 502, 503, 504].includes(status)
  }
  return NETWORK_ERRORS.has(String((error as NodeJS.ErrnoException | undefined)?.code))
}

/** The wait before attempt `attempt + 1`: a random fraction (full jitter) of base × 2^(attempt − 1), as the SDK waits. */
function backoffMs(error: unknown, attempt: number): number {
  const base = throttled(error) ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS
  return Math.random() * Math.min(MAX_DELAY_MS, base * 2 ** (attempt - 1))
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

/**
 * Signed POSTs to one AWS service, for the few calls the functions make: Signature Version 4,
 * connections kept open between calls, and, like the SDK's standard retry mode, up to 3 attempts
 * when the service throttles, fails on its side (500, 502, 503, 504) or the connection breaks,
 * after the SDK's jittered exponential wait. The protocol (what is sent, what an answer and an
 * error are) is the caller's.
 */
export class AwsService {
  readonly #id: AwsServiceId
  readonly #config: AwsServiceConfig
  #http: HttpAgent | undefined
  #https: HttpsAgent | undefined

  constructor(id: AwsServiceId, config: AwsServiceConfig = {}) {
    this.#id = id
    this.#config = config
  }

  /**
   * Sends `body` with `headers` (signed) until an answer below 300 comes or the attempts are spent;
   * `read.answer` reads that answer, `read.error` turns any other into the error to throw (tried
   * again when AWS's SDK would).
   */
  async post<T>(
    request: { headers: Record<string, string>; body: string },
    read: {
      answer: (answer: AwsAnswer, metadata: ResponseMetadata) => T
      error: (answer: AwsAnswer, metadata: ResponseMetadata) => Error
    },
    signal?: AbortSignal,
  ): Promise<T> {
    const maxAttempts = this.#config.maxAttempts ?? 3
    let totalRetryDelay = 0
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.#send(request, signal)
        const metadata: ResponseMetadata = {
          httpStatusCode: answer.status,
          requestId: String(answer.headers['x-amzn-requestid'] ?? answer.headers['x-amz-request-id'] ?? ''),
          attempts: attempt,
          totalRetryDelay,
        }
        if (answer.status >= 300) throw read.error(answer, metadata)
        return read.answer(answer, metadata)
      } catch (error) {
        if (attempt >= maxAttempts || !retryable(error) || signal?.aborted) throw error
        const delay = backoffMs(error, attempt)
        totalRetryDelay += delay
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  /** Closes the connections kept open between calls. */
  destroy(): void {
    this.#http?.destroy()
    this.#https?.destroy()
  }

  #plainAgent(): HttpAgent {
    this.#http ??= new HttpAgent({ keepAlive: true })
    return this.#http
  }

  #secureAgent(): HttpsAgent {
    this.#https ??= new HttpsAgent({ keepAlive: true, maxSockets: 50 })
    return this.#https
  }

  #send(
    request: { headers: Record<string, string>; body: string },
    signal: AbortSignal | undefined,
  ): Promise<AwsAnswer> {
    const { signingName, hostPrefix, envName } = this.#id
    const region = this.#config.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION
    if (!region) return Promise.reject(new Error(`No AWS Region for ${signingName}: set AWS_REGION`))
    const credentials = this.#config.credentials ?? credentialsFromEnv()
    if (!credentials) {
      return Promise.reject(
        new Error(`No AWS credentials for ${signingName}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`),
      )
    }
    const url = new URL(
      this.#config.endpoint ??
        process.env[`AWS_ENDPOINT_URL_${envName}`] ??
        process.env.AWS_ENDPOINT_URL ??
        `https://${hostPrefix}.${region}.amazonaws.com`,
    )
    const path = url.pathname || '/'
    const headers = signRequest(
      { method: 'POST', host: url.host, path, headers: request.headers, body: request.body },
      credentials,
      { region, service: signingName },
      new Date(),
    )
    const plain = url.protocol === 'http:'
    const send = plain ? httpRequest : httpsRequest
    const agent = plain ? this.#plainAgent() : this.#secureAgent()
    return new Promise((resolve, reject) => {
      const req = send(
        {
          method: 'POST',
          hostname: url.hostname,
          port: url.port || undefined,
          path,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(request.body)) },
          agent,
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
      req.end(request.body)
    })
  }
}

/**
 * The error of a JSON-protocol service's answer (DynamoDB, Secrets Manager):
 * `{"__type": "com.amazonaws.dynamodb.v20120810#Name", "message": …}`, as the class `known` names
 * for it, or else an `AwsServiceException` of that name.
 */
export function jsonProtocolError(
  answer: AwsAnswer,
  $metadata: ResponseMetadata,
  known: Record<string, new (options: { message: string }) => AwsServiceException> = {},
): AwsServiceException {
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
    message: String(message ?? Message ?? `The service answered ${answer.status}`),
    $fault: answer.status >= 500 ? ('server' as const) : ('client' as const),
    $metadata,
  }
  const Known = known[name]
  return Known ? new Known(options) : new AwsServiceException(name, options)
}
