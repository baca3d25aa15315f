import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger'
import { type LogContext, type LogExtra, Logger } from '@ey/runtime'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

/** The calls both loggers take, typed loosely so Powertools' overloads accept the same arguments. */
interface LoggerUnderTest {
  info(message: string, ...extra: LogExtra[]): void
  warn(message: string, ...extra: LogExtra[]): void
  error(message: string, ...extra: LogExtra[]): void
  appendKeys(attributes: Record<string, unknown>): void
  resetKeys(): void
  addContext(context: LogContext): void
}

type Call =
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string; extra: LogExtra[] }
  | { kind: 'appendKeys'; keys: Record<string, unknown> }
  | { kind: 'resetKeys' }
  | { kind: 'addContext'; context: LogContext & { functionVersion: string } }
  | { kind: 'trace'; header: string | undefined }

interface Scenario {
  env: Record<string, string | undefined>
  serviceName: string
  logLevel: string | undefined
  calls: Call[]
}

/** Variables either logger reads; all are set or removed for a run, and put back after. */
const VARIABLES = [
  'AWS_LAMBDA_LOG_LEVEL',
  'POWERTOOLS_LOG_LEVEL',
  'LOG_LEVEL',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  '_X_AMZN_TRACE_ID',
  'POWERTOOLS_DEV',
  'POWERTOOLS_LOGGER_SAMPLE_RATE',
  'AWS_LAMBDA_MAX_CONCURRENCY',
  'TZ',
]

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
}

/**
 * Runs the scenario's calls on a logger made in its environment and returns what reached stdout
 * and stderr, one entry a line, with the timestamp (checked to be ISO UTC) replaced.
 */
function written(
  make: (options: { serviceName: string; logLevel?: string }) => LoggerUnderTest,
  scenario: Scenario,
) {
  const saved = Object.fromEntries(VARIABLES.map((key) => [key, process.env[key]]))
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = []
  const capture = (stream: 'stdout' | 'stderr') => (chunk: unknown) => {
    chunks.push({ stream, text: String(chunk) })
    return true
  }
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture('stdout') as never)
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture('stderr') as never)
  try {
    setEnv({ ...Object.fromEntries(VARIABLES.map((key) => [key, undefined])), ...scenario.env })
    const logger = make({
      serviceName: scenario.serviceName,
      ...(scenario.logLevel === undefined ? {} : { logLevel: scenario.logLevel }),
    })
    for (const call of scenario.calls) {
      if (call.kind === 'log') logger[call.level](call.message, ...call.extra)
      else if (call.kind === 'appendKeys') logger.appendKeys(call.keys)
      else if (call.kind === 'resetKeys') logger.resetKeys()
      else if (call.kind === 'addContext') logger.addContext(call.context)
      else setEnv({ _X_AMZN_TRACE_ID: call.header })
    }
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
    setEnv(saved)
  }
  return chunks.map(({ stream, text }) => {
    expect(text.endsWith('\n') && !text.slice(0, -1).includes('\n')).toBe(true)
    const line = JSON.parse(text) as Record<string, unknown>
    expect(line.timestamp).toMatch(ISO_UTC)
    return `${stream} ${JSON.stringify({ ...line, timestamp: 'T' })}`
  })
}

const powertools = (options: { serviceName: string; logLevel?: string }) =>
  new PowertoolsLogger(
    options as ConstructorParameters<typeof PowertoolsLogger>[0],
  ) as unknown as LoggerUnderTest
const ours = (options: { serviceName: string; logLevel?: string }) => new Logger(options)

// Mostly the names a line already has, reserved or not, so extra keys meet them often.
const key = fc.oneof(
  fc.constantFrom(
    'level',
    'message',
    'service',
    'timestamp',
    'sampling_rate',
    'requestId',
    'route',
    'error',
    'extra',
    'xray_trace_id',
    'function_name',
    'cold_start',
    'tenant_id',
    '0',
    '12',
  ),
  fc.constantFrom('function_name', 'function_request_id', 'xray_trace_id', 'cold_start'),
  fc.string({ minLength: 1, maxLength: 5 }).filter((name) => name !== '__proto__' && name !== 'constructor'),
)

const scalar = fc.oneof(
  fc.string(),
  fc.constant(''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
)

const simpleError = fc
  .tuple(fc.constantFrom(Error, TypeError, RangeError), fc.string(), fc.option(scalar, { nil: undefined }))
  .map(([Kind, message, cause]) => new Kind(message, cause === undefined ? undefined : { cause }))

const error = fc
  .record({
    base: simpleError,
    name: fc.option(fc.constantFrom('ConditionalCheckFailedException', 'UnknownJobError', ''), {
      nil: undefined,
    }),
    cause: fc.option(fc.oneof(simpleError, scalar), { nil: undefined }),
    own: fc.dictionary(key, scalar, { maxKeys: 2 }),
  })
  .map(({ base, name, cause, own }) => {
    if (name !== undefined) base.name = name
    if (cause !== undefined) base.cause = cause
    return Object.assign(base, own)
  })

const circular = fc.string().map((name) => {
  const node: Record<string, unknown> = { name }
  node.self = node
  node.list = [node, name]
  return node
})

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.bigInt(),
    fc.date({ noInvalidDate: true }),
    error,
    circular,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
}))

const attributes = fc.dictionary(key, value, { maxKeys: 4 })

const extra: fc.Arbitrary<LogExtra> = fc.oneof(
  attributes,
  error,
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
)

const context = fc.record({
  functionName: fc.constantFrom('ey-api', 'ey-mail', ''),
  invokedFunctionArn: fc.constantFrom('arn:aws:lambda:eu-west-2:123456789012:function:ey-mail'),
  memoryLimitInMB: fc.constantFrom('128', '1024'),
  awsRequestId: fc.uuid(),
  functionVersion: fc.constant('$LATEST'),
  tenantId: fc.option(fc.constantFrom('tenant-a', ''), { nil: undefined }),
})

const traceHeader = fc.option(
  fc.oneof(
    fc.constantFrom(
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      'Parent=53995c3f42cd8ad8;Root=1-abc;Sampled=0',
      '1-5759e988-bd862e3fe1be46a994272793',
      'Sampled=0',
      'Root=;Sampled=0',
      ' Root=1-padded ',
      '',
    ),
    fc.string({ unit: fc.constantFrom('R', 'o', 't', '=', ';', '1', '-') }),
  ),
  { nil: undefined },
)

const call: fc.Arbitrary<Call> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      level: fc.constantFrom('info' as const, 'warn' as const, 'error' as const),
      message: fc.oneof(fc.string(), fc.string({ unit: 'binary' })),
      extra: fc.array(extra, { maxLength: 3 }),
    }),
  },
  // Appended keys hold scalars: a key appended twice with objects is merged by Powertools, replaced here.
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('appendKeys' as const), keys: fc.dictionary(key, scalar) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resetKeys' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addContext' as const), context }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('trace' as const), header: traceHeader }) },
)

const level = (names: string[]) => fc.option(fc.constantFrom(...names), { nil: undefined })

const scenario: fc.Arbitrary<Scenario> = fc.record({
  env: fc.record({
    AWS_LAMBDA_LOG_LEVEL: level(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'warn', 'VERBOSE', '']),
    POWERTOOLS_LOG_LEVEL: level([
      'DEBUG',
      'INFO',
      'WARN',
      'ERROR',
      'CRITICAL',
      'SILENT',
      'warn',
      ' ERROR ',
      'NOPE',
      '',
    ]),
    LOG_LEVEL: level(['DEBUG', 'WARN', 'ERROR', 'error', 'NOPE']),
    AWS_LAMBDA_INITIALIZATION_TYPE: level(['on-demand', 'provisioned-concurrency', 'snap-start']),
    _X_AMZN_TRACE_ID: traceHeader,
  }),
  serviceName: fc.constantFrom('api', 'mail', 'mail-feedback', 'jobs', 'stats', 'local'),
  logLevel: level(['info', 'WARN', 'error', 'Debug', 'silent', 'nope']),
  calls: fc.array(call, { maxLength: 20 }),
})

describe('the logger (Logger of @ey/runtime)', () => {
  it('writes the lines Powertools writes, on the same streams, for any sequence of the calls made here', () => {
    fc.assert(
      fc.property(scenario, (run) => {
        expect(written(ours, run)).toEqual(written(powertools, run))
      }),
      { numRuns: 1000 },
    )
  })

  it('writes a request line of the API with its context and keys, the error of a failure on stderr', () => {
    const failure = new Error('table unavailable', { cause: new TypeError('socket closed') })
    const lines = written(ours, {
      env: { AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', _X_AMZN_TRACE_ID: 'Root=1-abc;Sampled=0' },
      serviceName: 'api',
      logLevel: undefined,
      calls: [
        {
          kind: 'addContext',
          context: {
            functionName: 'ey-api',
            invokedFunctionArn: 'arn:aws:lambda:eu-west-2:1:function:ey-api',
            memoryLimitInMB: '1024',
            awsRequestId: 'req-1',
            functionVersion: '$LATEST',
          },
        },
        { kind: 'appendKeys', keys: { requestId: 'req-1' } },
        { kind: 'log', level: 'info', message: 'request', extra: [{ route: '/api/sessions', status: 200 }] },
        { kind: 'log', level: 'error', message: 'Unhandled error', extra: [failure] },
      ],
    })
    const context = {
      cold_start: true,
      function_arn: 'arn:aws:lambda:eu-west-2:1:function:ey-api',
      function_memory_size: '1024',
      function_name: 'ey-api',
      function_request_id: 'req-1',
      sampling_rate: 0,
      xray_trace_id: '1-abc',
    }
    expect(lines[0]).toBe(
      `stdout ${JSON.stringify({ level: 'INFO', message: 'request', timestamp: 'T', service: 'api', ...context, requestId: 'req-1', route: '/api/sessions', status: 200 })}`,
    )
    const [stream, json] = [lines[1]?.slice(0, 6), JSON.parse(lines[1]?.slice(7) ?? '{}')]
    expect(stream).toBe('stderr')
    expect(json).toMatchObject({
      level: 'ERROR',
      message: 'Unhandled error',
      requestId: 'req-1',
      error: {
        name: 'Error',
        // The first frame with its file in brackets, as Powertools picks it (the test's own frame has none).
        location: expect.stringMatching(/:\d+$/),
        message: 'table unavailable',
        stack: failure.stack,
        cause: { name: 'TypeError', message: 'socket closed' },
      },
    })
  })
})
